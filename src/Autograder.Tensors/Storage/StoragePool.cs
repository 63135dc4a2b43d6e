using System.Collections.Concurrent;

namespace Autograder.Tensors.Storage;

/// <summary>A caching allocator for large tensor buffers: arrays of dead tensors are reused instead of freshly allocated.</summary>
/// <remarks>
/// A fresh multi-megabyte .NET array lands on the large-object heap, triggers a gen-2 collection and page-faults
/// in every page on first touch: allocating and filling 13 MB measured about 23 ms here, against 0.15 ms to refill
/// a reused one. PyTorch avoids the same cost on CPU through glibc's malloc thresholds (MALLOC_MMAP_THRESHOLD_).
/// Buffers of at least <see cref="MinPooledBytes"/> are leased: a small finalizable lease returns the array to the
/// pool when the storage that owns it is collected. Arrays are reused only at exactly the same length.
/// Large arrays alone rarely trigger a collection, so when a request misses and at least <see cref="CollectAfterBytes"/>
/// were handed out since the last collection, the pool runs a full, non-compacting collection and waits for the leases'
/// finalizers, which returns every dead tensor's buffer. It must be a full one: a tensor that lives through one
/// collection (an activation kept for backward, say) is promoted, and a gen-0 collection would never see it die;
/// its buffer would be lost to the pool and every later request would page-fault fresh memory. With a heap of tensor
/// headers and graph nodes the pause measured about 0.5 ms.
/// </remarks>
internal static class StoragePool
{
    /// <summary>Arrays smaller than this are allocated normally (this is the large-object-heap threshold).</summary>
    public const int MinPooledBytes = 85_000;

    /// <summary>At most this many bytes wait in the pool; beyond that, returned arrays are dropped.</summary>
    private const long MaxPooledBytes = 1L << 30;

    /// <summary>Bytes handed out since the last induced collection above which a miss triggers one.</summary>
    /// <remarks>At 4 MB the CNN benchmark's step (about 25 MB of activations and gradients) ran two full collections;
    /// at 64 MB it runs one every three steps, and misses in between take memory the last collection freed.</remarks>
    private const long CollectAfterBytes = 64L << 20;

    private static readonly ConcurrentDictionary<(Type Type, int Length), ConcurrentBag<Array>> Buckets = new();
    private static long _pooledBytes;
    private static long _rentedBytes;

    /// <summary>Returns an array of exactly <paramref name="length"/> elements, zeroed when <paramref name="zeroed"/>, and a lease to attach to its owner (null when not pooled).</summary>
    public static (T[] Array, Lease? Lease) Rent<T>(int length, bool zeroed)
    {
        var bytes = (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (bytes < MinPooledBytes)
        {
            return (new T[length], null);
        }

        var array = TryTake<T>(length, bytes);
        if (array is null && Interlocked.Read(ref _rentedBytes) >= CollectAfterBytes)
        {
            Interlocked.Exchange(ref _rentedBytes, 0);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            GC.WaitForPendingFinalizers();
            array = TryTake<T>(length, bytes);
        }

        Interlocked.Add(ref _rentedBytes, bytes);
        if (array is not null)
        {
            if (zeroed)
            {
                System.Array.Clear(array);
            }

            return (array, new Lease(array, bytes));
        }

        var fresh = zeroed ? new T[length] : GC.AllocateUninitializedArray<T>(length);
        return (fresh, new Lease(fresh, bytes));
    }

    private static T[]? TryTake<T>(int length, long bytes)
    {
        if (Buckets.TryGetValue((typeof(T), length), out var bag) && bag.TryTake(out var pooled))
        {
            Interlocked.Add(ref _pooledBytes, -bytes);
            return (T[])pooled;
        }

        return null;
    }

    private static void Return(Array array, long bytes)
    {
        if (Interlocked.Add(ref _pooledBytes, bytes) > MaxPooledBytes)
        {
            Interlocked.Add(ref _pooledBytes, -bytes);
            return;
        }

        Buckets.GetOrAdd((array.GetType().GetElementType()!, array.Length), _ => []).Add(array);
    }

    /// <summary>Owned by one storage; when the storage is collected, the lease's finalizer hands the array back.</summary>
    internal sealed class Lease(Array array, long bytes)
    {
        private int _returned;

        ~Lease() => ReturnOnce();

        /// <summary>Hands the array back now, for a buffer its owner knows to be dead (its finalizer then does nothing).</summary>
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA1816", Justification = "An early return of the leased array makes the finalizer redundant.")]
        public void ReturnNow()
        {
            ReturnOnce();
            GC.SuppressFinalize(this);
        }

        private void ReturnOnce()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                Return(array, bytes);
            }
        }
    }
}
