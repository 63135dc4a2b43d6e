namespace Autograder.Kernels;

/// <summary>Runs independent work items on up to <see cref="KernelSettings.MaxThreads"/> threads (the caller and <see cref="WorkerTeam"/>).</summary>
/// <remarks>
/// Work items must write disjoint outputs, and a value's computation never depends on which thread runs it,
/// which keeps results bit-identical at any thread count. Handing work to a spinning worker costs about a
/// microsecond, but a cold one must be woken, so callers pass the work's size and small loops run on the calling thread.
/// A call from inside a job runs serially; when the team is busy with another caller's job, the .NET thread pool takes it.
/// </remarks>
public static class ParallelWork
{
    /// <summary>Below this many multiply-adds (or comparable element operations) per thread, a loop runs serially.</summary>
    public const long MinWorkPerThread = 1 << 16;

    /// <summary>Invokes <paramref name="body"/> once for every item in [0, count).</summary>
    /// <param name="count">The number of work items.</param>
    /// <param name="body">The work for one item.</param>
    /// <param name="totalWork">The loop's total work in multiply-adds (or element operations); it caps the thread count.</param>
    public static void For(int count, Action<int> body, long totalWork)
    {
        var threads = (int)Math.Min(Math.Min(KernelSettings.MaxThreads, count), totalWork / MinWorkPerThread);
        if (threads <= 1 || WorkerTeam.InJob)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        if (!WorkerTeam.Shared.TryRun(count, body, threads))
        {
            RunOnPool(count, body, threads);
        }
    }

    /// <summary>Splits [0, count) into at most <paramref name="maxTasks"/> contiguous ranges and invokes <paramref name="body"/>(start, end) once per range, in parallel.</summary>
    /// <param name="count">The number of items.</param>
    /// <param name="maxTasks">The most ranges; the split depends on count and this alone, never on the thread count.</param>
    /// <param name="body">The work for the items [start, end).</param>
    /// <param name="totalWork">The loop's total work, as for <see cref="For"/>.</param>
    public static void ForRanges(int count, int maxTasks, Action<int, int> body, long totalWork)
    {
        var tasks = Math.Min(count, maxTasks);
        For(tasks, t => body((int)((long)count * t / tasks), (int)((long)count * (t + 1) / tasks)), totalWork);
    }

    private static void RunOnPool(int count, Action<int> body, int threads)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The same exception whichever path ran the loop: the item's own.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
