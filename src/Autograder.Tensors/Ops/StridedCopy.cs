using Autograder.Tensors.Iteration;

namespace Autograder.Tensors.Ops;

/// <summary>Copies between strided views and contiguous buffers, and converts element types.</summary>
internal static class StridedCopy
{
    /// <summary>Copies the elements of a (possibly strided, possibly broadcast) view into <paramref name="destination"/> in row-major order.</summary>
    public static void Gather<T>(T[] source, ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, int offset, Span<T> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        var (rows, inner, innerStride) = Rows(shape, strides, offset);
        for (var r = 0; r < rows.Length; r++)
        {
            var dst = destination.Slice(r * inner, inner);
            if (innerStride == 1)
            {
                source.AsSpan(rows[r], inner).CopyTo(dst);
            }
            else
            {
                for (int i = 0, s = rows[r]; i < inner; i++, s += innerStride)
                {
                    dst[i] = source[s];
                }
            }
        }
    }

    /// <summary>Writes <paramref name="source"/> (row-major, the view's shape) through a strided view.</summary>
    public static void Scatter<T>(ReadOnlySpan<T> source, T[] destination, ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, int offset)
    {
        if (source.IsEmpty)
        {
            return;
        }

        var (rows, inner, innerStride) = Rows(shape, strides, offset);
        for (var r = 0; r < rows.Length; r++)
        {
            var src = source.Slice(r * inner, inner);
            if (innerStride == 1)
            {
                src.CopyTo(destination.AsSpan(rows[r], inner));
            }
            else
            {
                for (int i = 0, d = rows[r]; i < inner; i++, d += innerStride)
                {
                    destination[d] = src[i];
                }
            }
        }
    }

    /// <summary>Returns a new contiguous tensor with the elements of <paramref name="t"/> (no graph).</summary>
    public static Tensor Contiguous(Tensor t)
    {
        var result = Tensor.Uninitialized(t.ShapeArray, t.DType);
        switch (t.DType)
        {
            case DType.Float32: Gather(t.Data<float>(), t.Shape, t.Strides, t.Offset, result.ContiguousSpan<float>()); break;
            case DType.Float64: Gather(t.Data<double>(), t.Shape, t.Strides, t.Offset, result.ContiguousSpan<double>()); break;
            case DType.Int64: Gather(t.Data<long>(), t.Shape, t.Strides, t.Offset, result.ContiguousSpan<long>()); break;
            default: Gather(t.Data<bool>(), t.Shape, t.Strides, t.Offset, result.ContiguousSpan<bool>()); break;
        }

        return result;
    }

    /// <summary>A strided view as rows: the storage offset of each row, the row length, and the stride within a row (after merging dimensions).</summary>
    private static (int[] Rows, int Inner, int InnerStride) Rows(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, int offset)
    {
        var (cShape, cStrides) = Layout.Coalesce(shape, strides.ToArray());
        return (Layout.RowOffsets(cShape, cStrides[0], offset), cShape[^1], cStrides[0][^1]);
    }

    /// <summary>Returns <paramref name="t"/> itself when contiguous (read-only use), otherwise a contiguous copy (no graph).</summary>
    public static Tensor AsContiguous(Tensor t) => t.IsContiguous ? t : Contiguous(t);

    /// <summary>Returns a contiguous copy of <paramref name="t"/> converted to <paramref name="dtype"/> (no graph).</summary>
    public static Tensor Convert(Tensor t, DType dtype)
    {
        var source = t.IsContiguous ? t : Contiguous(t);
        if (source.DType == dtype)
        {
            return ReferenceEquals(source, t) ? Contiguous(t) : source;
        }

        var result = Tensor.Uninitialized(t.ShapeArray, dtype);
        switch (source.DType, dtype)
        {
            case (DType.Float32, DType.Float64): Cast(source.ContiguousSpan<float>(), result.ContiguousSpan<double>(), v => v); break;
            case (DType.Float64, DType.Float32): Cast(source.ContiguousSpan<double>(), result.ContiguousSpan<float>(), v => (float)v); break;
            case (DType.Bool, DType.Float32): Cast(source.ContiguousSpan<bool>(), result.ContiguousSpan<float>(), v => v ? 1f : 0f); break;
            case (DType.Bool, DType.Float64): Cast(source.ContiguousSpan<bool>(), result.ContiguousSpan<double>(), v => v ? 1.0 : 0.0); break;
            case (DType.Bool, DType.Int64): Cast(source.ContiguousSpan<bool>(), result.ContiguousSpan<long>(), v => v ? 1L : 0L); break;
            case (DType.Int64, DType.Float32): Cast(source.ContiguousSpan<long>(), result.ContiguousSpan<float>(), v => v); break;
            case (DType.Int64, DType.Float64): Cast(source.ContiguousSpan<long>(), result.ContiguousSpan<double>(), v => v); break;
            case (DType.Int64, DType.Bool): Cast(source.ContiguousSpan<long>(), result.ContiguousSpan<bool>(), v => v != 0); break;
            default:
                // Float to int64 truncates toward zero; anything to bool is "non-zero".
                var n = t.NumEl;
                for (var i = 0; i < n; i++)
                {
                    result.SetFromDouble(i, source.GetAsDouble(i));
                }

                break;
        }

        return result;
    }

    private static void Cast<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination, Func<TFrom, TTo> convert)
        where TFrom : struct
        where TTo : struct
    {
        if (typeof(TFrom) == typeof(float) && typeof(TTo) == typeof(double))
        {
            System.Numerics.Tensors.TensorPrimitives.ConvertChecked(
                System.Runtime.InteropServices.MemoryMarshal.Cast<TFrom, float>(source),
                System.Runtime.InteropServices.MemoryMarshal.Cast<TTo, double>(destination));
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = convert(source[i]);
        }
    }
}
