namespace Autograder.Kernels.Tests;

/// <summary>The fork–join loop behind every parallel kernel: each item once, exceptions as themselves, nested and concurrent callers.</summary>
public sealed class ParallelWorkTests
{
    private const long Large = 1L << 30;

    [Test]
    public void Every_item_runs_exactly_once()
    {
        var counts = new int[1000];
        KernelSettings.With(true, 2, () => ParallelWork.For(counts.Length, i => Interlocked.Increment(ref counts[i]), Large));
        Assert.That(counts, Is.All.EqualTo(1));
    }

    [Test]
    public void Ranges_cover_every_item_once_in_at_most_the_given_number_of_runs()
    {
        var counts = new int[1003];
        var ranges = new System.Collections.Concurrent.ConcurrentBag<(int, int)>();
        KernelSettings.With(true, 2, () => ParallelWork.ForRanges(counts.Length, 64, (start, end) =>
        {
            ranges.Add((start, end));
            for (var i = start; i < end; i++)
            {
                Interlocked.Increment(ref counts[i]);
            }
        }, Large));
        Assert.That(counts, Is.All.EqualTo(1));
        Assert.That(ranges, Has.Count.EqualTo(64));
    }

    [Test]
    public void An_item_exception_surfaces_as_itself()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KernelSettings.With(true, 2, () =>
            ParallelWork.For(64, i => { if (i == 37) { throw new InvalidOperationException("item 37 failed"); } }, Large)));
        Assert.That(error!.Message, Is.EqualTo("item 37 failed"));

        // The team is free again afterwards.
        Every_item_runs_exactly_once();
    }

    [Test]
    public void Nested_loops_run_every_inner_item()
    {
        var counts = new int[16 * 16];
        KernelSettings.With(true, 2, () => ParallelWork.For(16, i => ParallelWork.For(16, j => Interlocked.Increment(ref counts[(i * 16) + j]), Large), Large));
        Assert.That(counts, Is.All.EqualTo(1));
    }

    [Test]
    public void Concurrent_callers_each_get_their_own_results()
    {
        var sums = new long[6];
        var callers = Enumerable.Range(0, sums.Length).Select(c => new Thread(() =>
        {
            for (var round = 0; round < 200; round++)
            {
                var items = new long[50];
                ParallelWork.For(items.Length, i => items[i] = i + c, Large);
                Interlocked.Add(ref sums[c], items.Sum());
            }
        })).ToList();
        callers.ForEach(t => t.Start());
        callers.ForEach(t => t.Join());
        Assert.That(sums, Is.EqualTo(Enumerable.Range(0, sums.Length).Select(c => 200L * ((49 * 50 / 2) + (50 * c)))).AsCollection);
    }
}
