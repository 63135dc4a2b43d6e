namespace Autograder.Tensors.Storage;

/// <summary>The flat buffer behind one or more tensor views, with a version counter bumped by in-place writes.</summary>
/// <remarks>Autograd records the version of every tensor it saves and refuses to backpropagate through one that changed.</remarks>
public abstract class TensorStorage
{
    /// <summary>Gets the number of elements.</summary>
    public abstract int Length { get; }

    /// <summary>Gets the element type.</summary>
    public abstract DType DType { get; }

    /// <summary>Gets how many in-place writes this storage has seen.</summary>
    public int Version { get; private set; }

    /// <summary>Returns the buffer to the pool now, for storage that nothing references any more; a no-op for unpooled storage.</summary>
    internal void Release()
    {
        switch (this)
        {
            case TensorStorage<float> f: f.ReleaseToPool(); break;
            case TensorStorage<double> d: d.ReleaseToPool(); break;
            case TensorStorage<long> l: l.ReleaseToPool(); break;
            case TensorStorage<bool> b: b.ReleaseToPool(); break;
            default: break;
        }
    }

    /// <summary>Records one in-place write.</summary>
    public void BumpVersion() => Version++;

    /// <summary>Creates storage of a given type: zero-filled, or with arbitrary contents for callers that overwrite every element.</summary>
    public static TensorStorage Allocate(DType dtype, int length, bool zeroed = true) => dtype switch
    {
        DType.Float32 => TensorStorage<float>.Rent(length, zeroed),
        DType.Float64 => TensorStorage<double>.Rent(length, zeroed),
        DType.Int64 => TensorStorage<long>.Rent(length, zeroed),
        _ => TensorStorage<bool>.Rent(length, zeroed),
    };
}

/// <summary>Storage of elements of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">float, double, long or bool.</typeparam>
/// <param name="data">The buffer, used as is (not copied).</param>
public sealed class TensorStorage<T>(T[] data) : TensorStorage
{
    /// <summary>Keeps a pooled buffer leased for as long as this storage lives.</summary>
    private StoragePool.Lease? _lease;

    /// <summary>Gets the buffer.</summary>
    public T[] Data { get; } = data;

    /// <inheritdoc/>
    public override int Length => Data.Length;

    /// <summary>Gets whether the buffer came from the pool and goes back to it when this storage is collected.</summary>
    internal bool IsPooled => _lease is not null;

    /// <inheritdoc/>
    public override DType DType { get; } = DTypes.Of<T>();

    /// <summary>Hands a pooled buffer back at once. Only for storages that nothing can reach any more (op temporaries).</summary>
    internal void ReleaseToPool()
    {
        _lease?.ReturnNow();
        _lease = null;
    }

    /// <summary>Creates storage over a buffer from the pool (large) or the heap (small).</summary>
    internal static TensorStorage<T> Rent(int length, bool zeroed)
    {
        var (array, lease) = StoragePool.Rent<T>(length, zeroed);
        return new TensorStorage<T>(array) { _lease = lease };
    }
}
