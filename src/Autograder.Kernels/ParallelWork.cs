namespace Autograder.Kernels;

/// <summary>Runs independent work items on up to <see cref="KernelSettings.MaxThreads"/> threads (the .NET thread pool).</summary>
/// <remarks>
/// Work items must write disjoint outputs, and a value's computation never depends on which thread runs it,
/// which keeps results bit-identical at any thread count. Waking pool threads costs tens of microseconds, so
/// callers pass the work's size and small loops run on the calling thread.
/// </remarks>
internal static class ParallelWork
{
    /// <summary>Below this many multiply-adds (or comparable element operations) per thread, a loop runs serially.</summary>
    public const long MinWorkPerThread = 1 << 20;

    /// <summary>Invokes <paramref name="body"/> once for every item in [0, count).</summary>
    /// <param name="count">The number of work items.</param>
    /// <param name="body">The work for one item.</param>
    /// <param name="totalWork">The loop's total work in multiply-adds (or element operations); it caps the thread count.</param>
    public static void For(int count, Action<int> body, long totalWork)
    {
        var threads = (int)Math.Min(Math.Min(KernelSettings.MaxThreads, count), totalWork / MinWorkPerThread);
        if (threads <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }
}
