namespace Autograder.Kernels;

/// <summary>Runs independent work items on up to <see cref="KernelSettings.MaxThreads"/> threads.</summary>
/// <remarks>
/// Work items must write disjoint outputs. Partitioning into items is the caller's, and never depends
/// on the thread count, which is what keeps results bit-identical at any thread count.
/// </remarks>
internal static class ParallelWork
{
    /// <summary>Invokes <paramref name="body"/> once for every item in [0, count).</summary>
    /// <param name="count">The number of work items.</param>
    /// <param name="body">The work for one item.</param>
    /// <param name="minItemsPerThread">Below this many items per thread, fewer threads are used.</param>
    public static void For(int count, Action<int> body, int minItemsPerThread = 1)
    {
        var threads = Math.Min(KernelSettings.MaxThreads, count / Math.Max(1, minItemsPerThread));
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
