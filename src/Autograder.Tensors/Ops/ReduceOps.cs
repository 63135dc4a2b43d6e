using System.Numerics;
using Autograder.Kernels;

namespace Autograder.Tensors.Ops;

/// <summary>Reductions along one dimension (no graph); results keep the reduced dimension with size 1.</summary>
internal static class ReduceOps
{
    /// <summary>Σ over <paramref name="dim"/>; integer and bool inputs sum to int64.</summary>
    public static Tensor Sum(Tensor x, int dim)
    {
        if (x.DType == DType.Bool)
        {
            x = StridedCopy.Convert(x, DType.Int64);
        }

        x = x.IsContiguous ? x : StridedCopy.Contiguous(x);
        var (outer, n, inner, shape) = Split(x, dim);
        var result = Tensor.Empty(shape, x.DType);
        switch (x.DType)
        {
            case DType.Float32: Reduction.Sum<float>(x.ContiguousSpan<float>(), outer, n, inner, result.ContiguousSpan<float>()); break;
            case DType.Float64: Reduction.Sum<double>(x.ContiguousSpan<double>(), outer, n, inner, result.ContiguousSpan<double>()); break;
            default: Reduction.Sum<long>(x.ContiguousSpan<long>(), outer, n, inner, result.ContiguousSpan<long>()); break;
        }

        return result;
    }

    /// <summary>The max (or min) over <paramref name="dim"/> and the first index attaining it.</summary>
    public static (Tensor Values, Tensor Indices) Extreme(Tensor x, int dim, bool max, string op)
    {
        if (x.Shape[dim] == 0)
        {
            ThrowHelper.Shape(op, $"cannot reduce over dimension {dim} of size 0 (shape {ThrowHelper.Dims(x.Shape)}): max/min have no identity.");
        }

        if (x.DType == DType.Bool)
        {
            x = StridedCopy.Convert(x, DType.Int64);
        }

        x = x.IsContiguous ? x : StridedCopy.Contiguous(x);
        var (outer, n, inner, shape) = Split(x, dim);
        var values = Tensor.Empty(shape, x.DType);
        var indices = Tensor.Empty(shape, DType.Int64);
        var ix = indices.ContiguousSpan<long>();
        switch (x.DType)
        {
            case DType.Float32: Run<float>(x, outer, n, inner, values, ix, max); break;
            case DType.Float64: Run<double>(x, outer, n, inner, values, ix, max); break;
            default: Run<long>(x, outer, n, inner, values, ix, max); break;
        }

        return (values, indices);
    }

    private static void Run<T>(Tensor x, int outer, int n, int inner, Tensor values, Span<long> indices, bool max)
        where T : INumber<T>
    {
        if (max)
        {
            Reduction.Max<T>(x.ContiguousSpan<T>(), outer, n, inner, values.ContiguousSpan<T>(), indices);
        }
        else
        {
            Reduction.Min<T>(x.ContiguousSpan<T>(), outer, n, inner, values.ContiguousSpan<T>(), indices);
        }
    }

    /// <summary>Views x as (outer, n, inner) around <paramref name="dim"/>; returns the keep-dim result shape.</summary>
    private static (int Outer, int N, int Inner, int[] Shape) Split(Tensor x, int dim)
    {
        int outer = 1, inner = 1;
        for (var d = 0; d < dim; d++)
        {
            outer *= x.Shape[d];
        }

        for (var d = dim + 1; d < x.Dim; d++)
        {
            inner *= x.Shape[d];
        }

        var shape = x.ShapeArray.ToArray();
        if (shape.Length > 0)
        {
            shape[dim] = 1;
        }

        return (outer, x.Dim == 0 ? 1 : x.Shape[dim], inner, shape);
    }
}
