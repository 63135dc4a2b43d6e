using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Autograder.Kernels;

/// <summary>A fork–join team of dedicated worker threads that spin briefly between jobs, as OpenMP's do.</summary>
/// <remarks>
/// Waking a thread-pool thread for every kernel call cost tens of microseconds here, longer than many kernels of a small
/// network's training step: two threads ran a 64 × 600 × 1152 product slower than one. Workers of this team keep polling for
/// the next job for <see cref="SpinMicroseconds"/> after each one (kernels of one training step follow each other closely),
/// then block on a semaphore. The calling thread always takes part, so a team of P − 1 workers uses P cores. One job runs at
/// a time; a caller that finds the team busy, or calls from inside a job, runs its items itself.
/// </remarks>
internal sealed class WorkerTeam
{
    /// <summary>How long an idle worker polls for the next job before it blocks.</summary>
    private const int SpinMicroseconds = 200;

    private readonly Worker[] _workers;
    private Job? _job;
    private long _generation;
    private int _busy;

    [ThreadStatic]
    private static bool t_inJob;

    private WorkerTeam(int workers)
    {
        _workers = new Worker[workers];
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = new Worker(this, i);
        }
    }

    /// <summary>Gets the process's team: one worker per processor beyond the first.</summary>
    public static WorkerTeam Shared { get; } = new(Math.Max(0, Environment.ProcessorCount - 1));

    /// <summary>Gets whether the current thread is running an item of a job (a worker, or a caller inside its own job).</summary>
    public static bool InJob => t_inJob;

    /// <summary>Runs <paramref name="body"/> for every item in [0, count) on the caller and up to <paramref name="threads"/> − 1 workers; false when the team could not take the job (busy, nested or too small), in which case nothing ran.</summary>
    /// <remarks>The first exception an item throws is rethrown as itself once every worker has left the job; later items are skipped.</remarks>
    public bool TryRun(int count, Action<int> body, int threads)
    {
        var helpers = Math.Min(threads - 1, _workers.Length);
        if (helpers <= 0 || t_inJob || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            return false;
        }

        var job = new Job(body, count, helpers);
        Volatile.Write(ref _job, job);
        Interlocked.Increment(ref _generation);
        for (var i = 0; i < helpers; i++)
        {
            _workers[i].Wake();
        }

        try
        {
            t_inJob = true;
            job.Work();
        }
        finally
        {
            t_inJob = false;
            var spin = default(SpinWait);
            while (Volatile.Read(ref job.Active) > 0)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            Volatile.Write(ref _job, null);
            Volatile.Write(ref _busy, 0);
        }

        if (job.Error is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return true;
    }

    /// <summary>One fork–join job: items are claimed one at a time from a shared counter.</summary>
    private sealed class Job(Action<int> body, int count, int helpers)
    {
        private int _next = -1;

        /// <summary>Workers that joined the job and have not yet left it.</summary>
        public int Active;

        /// <summary>The first exception an item threw; later items are skipped.</summary>
        public Exception? Error;

        /// <summary>Gets how many workers may join.</summary>
        public int Helpers { get; } = helpers;

        public void Work()
        {
            int item;
            while ((item = Interlocked.Increment(ref _next)) < count && Volatile.Read(ref Error) is null)
            {
                try
                {
                    body(item);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref Error, e, null);
                }
            }
        }
    }

    /// <summary>A background thread that runs the items of each job it is woken for.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Workers and their semaphores live as long as the process.")]
    private sealed class Worker
    {
        private readonly WorkerTeam _team;
        private readonly int _index;
        private readonly SemaphoreSlim _signal = new(0);
        private int _sleeping;

        public Worker(WorkerTeam team, int index)
        {
            (_team, _index) = (team, index);
            new Thread(Loop) { IsBackground = true, Name = $"Autograder kernel worker {index + 1}" }.Start();
        }

        public void Wake()
        {
            if (Interlocked.Exchange(ref _sleeping, 0) == 1)
            {
                _signal.Release();
            }
        }

        private void Loop()
        {
            t_inJob = true;
            long seen = 0;
            while (true)
            {
                seen = WaitForJob(seen);
                var job = Volatile.Read(ref _team._job);
                if (job is null || _index >= job.Helpers)
                {
                    continue;
                }

                Interlocked.Increment(ref job.Active);

                // The job may have been finished and replaced between reading it and joining; Work then finds no items left.
                job.Work();
                Interlocked.Decrement(ref job.Active);
            }
        }

        private long WaitForJob(long seen)
        {
            var spinUntil = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * SpinMicroseconds / 1_000_000);
            while (true)
            {
                var generation = Volatile.Read(ref _team._generation);
                if (generation != seen)
                {
                    return generation;
                }

                if (Stopwatch.GetTimestamp() < spinUntil)
                {
                    continue;
                }

                Volatile.Write(ref _sleeping, 1);
                if (Volatile.Read(ref _team._generation) == seen)
                {
                    _signal.Wait();
                }

                Volatile.Write(ref _sleeping, 0);
                spinUntil = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * SpinMicroseconds / 1_000_000);
            }
        }
    }
}
