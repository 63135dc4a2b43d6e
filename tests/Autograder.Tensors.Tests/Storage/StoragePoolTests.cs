using Autograder.Tensors.Storage;

namespace Autograder.Tensors.Tests.Storage;

/// <summary>The buffer pool: a full pool makes room by dropping the lengths requested longest ago, and <see cref="CachedBuffers.Release"/> empties it.</summary>
[NonParallelizable]
public sealed class StoragePoolTests
{
    // Lengths no other test uses (1 MB of floats and a little more), so the buckets are this test's alone.
    private const int Old = 262_147, Recent = 262_151;
    private const long ArrayBytes = 4L * Old;

    private readonly List<StoragePool.Lease?> _held = [];
    private long _capacity;

    [SetUp]
    public void Settle()
    {
        // Dead tensors of earlier tests hand their arrays back from finalizers: let them, then start from an empty pool.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        CachedBuffers.Release();
        _capacity = StoragePool.Capacity;
    }

    [TearDown]
    public void Restore()
    {
        StoragePool.Capacity = _capacity;
        StoragePool.SimulatedHeapLimit = null;
        _held.Clear();
    }

    [Test]
    public void A_full_pool_drops_the_arrays_of_the_length_requested_longest_ago()
    {
        // Room for three arrays. Two of the old length wait; then a new shape's two arrays come back.
        StoragePool.Capacity = 3 * (4L * Recent);
        var old = RentAndReturn(Old, 2);
        var recent = RentAndReturn(Recent, 2);

        // One old array made room for the second recent one: both recent arrays are reused, one old one is left.
        Assert.That(Take(Recent, 2).Count(recent.Contains), Is.EqualTo(2), "both arrays of the length in use now were kept");
        Assert.That(Take(Old, 2).Count(old.Contains), Is.EqualTo(1), "one array of the old length was dropped for it, not both");
    }

    [Test]
    public void An_array_of_a_length_not_requested_lately_never_evicts_newer_ones()
    {
        StoragePool.Capacity = 2 * (4L * Recent);
        var (oldArray, oldLease) = StoragePool.Rent<float>(Old, zeroed: false);
        var recent = RentAndReturn(Recent, 2);
        oldLease!.ReturnNow();
        Assert.That(Take(Recent, 2).Count(recent.Contains), Is.EqualTo(2), "the pool kept the recent arrays");
        Assert.That(Take(Old, 1).Count(a => ReferenceEquals(a, oldArray)), Is.Zero, "the old array was dropped, not kept in their place");
    }

    [Test]
    public void Release_empties_the_pool()
    {
        var returned = RentAndReturn(Old, 2);
        Assert.That(CachedBuffers.Bytes, Is.EqualTo(2 * ArrayBytes));
        Assert.That(CachedBuffers.Release(), Is.EqualTo(2 * ArrayBytes));
        Assert.That(CachedBuffers.Bytes, Is.Zero);
        Assert.That(Take(Old, 2).Count(returned.Contains), Is.Zero, "fresh arrays after a release");
    }

    [Test]
    public void Waiting_arrays_are_dropped_when_a_fresh_one_would_not_fit_beside_them()
    {
        // Under a heap limit with room for two arrays, two of an old shape wait in the pool; a new shape then needs one.
        StoragePool.SimulatedHeapLimit = 2 * (4L * Recent);
        RentAndReturn(Old, 2);
        Assert.That(Take(Recent, 1), Has.Length.EqualTo(1), "the fresh array did not fit beside the waiting ones until the pool emptied itself");
        Assert.That(CachedBuffers.Bytes, Is.Zero, "the pool gave up its arrays for it");
    }

    /// <summary>Rents <paramref name="count"/> arrays of <paramref name="length"/> at once, then hands them all back.</summary>
    private static float[][] RentAndReturn(int length, int count)
    {
        var rented = Enumerable.Range(0, count).Select(_ => StoragePool.Rent<float>(length, zeroed: false)).ToArray();
        foreach (var (_, lease) in rented)
        {
            lease!.ReturnNow();
        }

        return [.. rented.Select(r => r.Array)];
    }

    /// <summary>Rents <paramref name="count"/> arrays of <paramref name="length"/> and holds their leases to the end of the test (so none comes back early).</summary>
    private float[][] Take(int length, int count)
    {
        var rented = Enumerable.Range(0, count).Select(_ => StoragePool.Rent<float>(length, zeroed: false)).ToArray();
        _held.AddRange(rented.Select(r => r.Lease));
        return [.. rented.Select(r => r.Array)];
    }
}
