using Autograder.Tensors.Iteration;
using Autograder.Tensors.Storage;

namespace Autograder.Tensors;

/// <summary>An n-dimensional array of float32, float64, int64 or bool values, with define-by-run autograd.</summary>
/// <remarks>
/// Shaped like <c>torch.Tensor</c>: row-major storage, views that share it (reshape of a contiguous tensor,
/// transpose, permute, expand, slicing), NumPy broadcasting, and reverse-mode differentiation through
/// <see cref="Backward(Tensor?, bool)"/>. The API is split by concern across <c>Tensor.*.cs</c>.
/// </remarks>
public sealed partial class Tensor
{
    private readonly int[] _shape;
    private readonly int[] _strides;

    internal Tensor(TensorStorage storage, int[] shape, int[]? strides = null, int offset = 0)
    {
        Storage = storage;
        _shape = shape;
        _strides = strides ?? Layout.ContiguousStrides(shape);
        Offset = offset;
        NumEl = Layout.NumEl(shape);
    }

    /// <summary>Gets the element type.</summary>
    public DType DType => Storage.DType;

    /// <summary>Gets the size of every dimension.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>Gets the number of dimensions.</summary>
    public int Dim => _shape.Length;

    /// <summary>Gets the number of elements.</summary>
    public int NumEl { get; }

    /// <summary>Gets whether the elements lie in row-major order without gaps.</summary>
    public bool IsContiguous => Layout.IsContiguous(_shape, _strides);

    /// <summary>Gets the device the tensor lives on (the CPU; the abstraction keeps a future CUDA backend possible).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance property, as torch.Tensor.device is.")]
    public Device Device => Device.Cpu;

    internal TensorStorage Storage { get; }

    internal int Offset { get; }

    internal ReadOnlySpan<int> Strides => _strides;

    internal int[] ShapeArray => _shape;

    internal int[] StridesArray => _strides;

    /// <summary>Returns the size of one dimension (negative counts from the end).</summary>
    public int Size(int dim) => _shape[ThrowHelper.Dim("Size", dim, Dim)];

    /// <summary>Returns this tensor if contiguous, otherwise a contiguous copy (which stays in the autograd graph).</summary>
    public Tensor Contiguous() => IsContiguous ? this : Clone();

    /// <summary>Returns the single value of a one-element tensor as a double.</summary>
    public double Item()
    {
        if (NumEl != 1)
        {
            ThrowHelper.Shape("Item", $"only a one-element tensor converts to a number; this one has shape {ThrowHelper.Dims(_shape)}.");
        }

        return DType switch
        {
            DType.Float32 => Data<float>()[Offset],
            DType.Float64 => Data<double>()[Offset],
            DType.Int64 => Data<long>()[Offset],
            _ => Data<bool>()[Offset] ? 1 : 0,
        };
    }

    /// <summary>Returns the single value of a one-element tensor of element type <typeparamref name="T"/>.</summary>
    public T Item<T>()
    {
        CheckType<T>("Item");
        if (NumEl != 1)
        {
            ThrowHelper.Shape("Item", $"only a one-element tensor converts to a number; this one has shape {ThrowHelper.Dims(_shape)}.");
        }

        return Data<T>()[Offset];
    }

    /// <summary>Copies the elements, in row-major order, into a new array.</summary>
    public T[] ToArray<T>()
    {
        CheckType<T>("ToArray");
        return Contiguous().ContiguousSpan<T>().ToArray();
    }

    internal T[] Data<T>() => ((TensorStorage<T>)Storage).Data;

    /// <summary>The elements of a contiguous tensor as a span over its storage.</summary>
    internal Span<T> ContiguousSpan<T>() => Data<T>().AsSpan(Offset, NumEl);

    internal int OffsetOf(ReadOnlySpan<int> index)
    {
        if (index.Length != Dim)
        {
            ThrowHelper.Shape("Index", $"expected {Dim} indices for shape {ThrowHelper.Dims(_shape)}; got {index.Length}.");
        }

        var offset = Offset;
        for (var d = 0; d < Dim; d++)
        {
            var i = index[d] < 0 ? index[d] + _shape[d] : index[d];
            if ((uint)i >= (uint)_shape[d])
            {
                ThrowHelper.Shape("Index", $"index {index[d]} is out of bounds for dimension {d} with size {_shape[d]}.");
            }

            offset += i * _strides[d];
        }

        return offset;
    }

    private void CheckType<T>(string op)
    {
        if (typeof(T) != DType.ClrType())
        {
            ThrowHelper.DTypeError(op, $"the tensor's dtype is {DType.Name()}, which is not {typeof(T).Name}.");
        }
    }
}
