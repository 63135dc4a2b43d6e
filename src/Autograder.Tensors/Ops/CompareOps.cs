using System.Numerics;
using Autograder.Tensors.Iteration;

namespace Autograder.Tensors.Ops;

/// <summary>Elementwise comparisons and selection over broadcast tensors (no graph).</summary>
internal static class CompareOps
{
    public enum Comparison
    {
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
    }

    /// <summary>Compares a and b elementwise after broadcasting and type promotion; returns a bool tensor.</summary>
    public static Tensor Compare(Comparison comparison, Tensor a, Tensor b, string opName)
    {
        var dtype = DTypes.Promote(a.DType, b.DType);
        dtype = dtype == DType.Bool ? DType.Int64 : dtype;
        var shape = Layout.Broadcast(opName, a.Shape, b.Shape);
        var x = Expanded(a, dtype, shape);
        var y = Expanded(b, dtype, shape);
        var result = Tensor.Empty(shape, DType.Bool);
        var output = result.ContiguousSpan<bool>();
        switch (dtype)
        {
            case DType.Float32: Run(comparison, x.ContiguousSpan<float>(), y.ContiguousSpan<float>(), output); break;
            case DType.Float64: Run(comparison, x.ContiguousSpan<double>(), y.ContiguousSpan<double>(), output); break;
            default: Run(comparison, x.ContiguousSpan<long>(), y.ContiguousSpan<long>(), output); break;
        }

        return result;
    }

    /// <summary>condition ? a : b elementwise, broadcast over all three.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b)
    {
        if (condition.DType != DType.Bool)
        {
            ThrowHelper.DTypeError("Where", $"the condition must be a bool tensor; got {condition.DType.Name()}.");
        }

        var dtype = DTypes.Promote(a.DType, b.DType);
        var shape = Layout.Broadcast("Where", Layout.Broadcast("Where", condition.Shape, a.Shape), b.Shape);
        var c = Expanded(condition, DType.Bool, shape).ContiguousSpan<bool>();
        var x = Expanded(a, dtype, shape);
        var y = Expanded(b, dtype, shape);
        var result = Tensor.Empty(shape, dtype);
        switch (dtype)
        {
            case DType.Float32: Select(c, x.ContiguousSpan<float>(), y.ContiguousSpan<float>(), result.ContiguousSpan<float>()); break;
            case DType.Float64: Select(c, x.ContiguousSpan<double>(), y.ContiguousSpan<double>(), result.ContiguousSpan<double>()); break;
            case DType.Int64: Select(c, x.ContiguousSpan<long>(), y.ContiguousSpan<long>(), result.ContiguousSpan<long>()); break;
            default: Select(c, x.ContiguousSpan<bool>(), y.ContiguousSpan<bool>(), result.ContiguousSpan<bool>()); break;
        }

        return result;
    }

    /// <summary>A contiguous copy of t converted to dtype and expanded to shape.</summary>
    public static Tensor Expanded(Tensor t, DType dtype, int[] shape)
    {
        var converted = t.DType == dtype ? t : StridedCopy.Convert(t, dtype);
        var strides = Layout.BroadcastStrides(converted.Shape, converted.Strides, shape);
        if (converted.Shape.SequenceEqual(shape) && converted.IsContiguous)
        {
            return converted;
        }

        return StridedCopy.Contiguous(new Tensor(converted.Storage, shape, strides, converted.Offset));
    }

    private static void Run<T>(Comparison comparison, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> d)
        where T : INumber<T>
    {
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = comparison switch
            {
                Comparison.Equal => x[i] == y[i],
                Comparison.NotEqual => x[i] != y[i],
                Comparison.Less => x[i] < y[i],
                Comparison.LessOrEqual => x[i] <= y[i],
                Comparison.Greater => x[i] > y[i],
                _ => x[i] >= y[i],
            };
        }
    }

    private static void Select<T>(ReadOnlySpan<bool> c, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = c[i] ? x[i] : y[i];
        }
    }
}
