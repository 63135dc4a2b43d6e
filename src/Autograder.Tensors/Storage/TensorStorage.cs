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

    /// <summary>Records one in-place write.</summary>
    public void BumpVersion() => Version++;

    /// <summary>Creates zero-filled storage of a given type.</summary>
    public static TensorStorage Allocate(DType dtype, int length) => dtype switch
    {
        DType.Float32 => new TensorStorage<float>(new float[length]),
        DType.Float64 => new TensorStorage<double>(new double[length]),
        DType.Int64 => new TensorStorage<long>(new long[length]),
        _ => new TensorStorage<bool>(new bool[length]),
    };
}

/// <summary>Storage of elements of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">float, double, long or bool.</typeparam>
/// <param name="data">The buffer, used as is (not copied).</param>
public sealed class TensorStorage<T>(T[] data) : TensorStorage
{
    /// <summary>Gets the buffer.</summary>
    public T[] Data { get; } = data;

    /// <inheritdoc/>
    public override int Length => Data.Length;

    /// <inheritdoc/>
    public override DType DType { get; } = DTypes.Of<T>();
}
