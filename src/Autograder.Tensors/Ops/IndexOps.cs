namespace Autograder.Tensors.Ops;

/// <summary>Index-driven copies (no graph): gather, scatter-add, index-select and index-add along one dimension.</summary>
internal static class IndexOps
{
    /// <summary>out[c] = input[c with c[dim] = index[c]] for every position c of <paramref name="index"/>.</summary>
    public static Tensor Gather(Tensor input, int dim, Tensor index)
    {
        CheckIndex("Gather", input, dim, index, input);
        var x = StridedCopy.AsContiguous(input);
        var idx = Indices(index);
        var result = Tensor.Empty(index.ShapeArray, input.DType);
        var strides = x.StridesArray;
        ForEachPosition(index.ShapeArray, (position, coords) =>
        {
            var source = Offset(coords, strides, dim, Bounded("Gather", idx[position], input.Shape[dim]));
            result.SetFromDouble(position, x.GetAsDouble(source));
        });
        return result;
    }

    /// <summary>Returns a copy of <paramref name="input"/> with src[c] added at c with c[dim] = index[c].</summary>
    public static Tensor ScatterAdd(Tensor input, int dim, Tensor index, Tensor source)
    {
        CheckIndex("ScatterAdd", input, dim, index, source);
        var result = StridedCopy.Contiguous(input);
        ScatterAddInto(result, dim, index, source);
        return result;
    }

    /// <summary>Zeros of <paramref name="shape"/> with source added at index along dim (the gradient of gather), added into fresh zeros rather than into a copy of them.</summary>
    public static Tensor ScatterAddIntoZeros(int[] shape, int dim, Tensor index, Tensor source)
    {
        var result = Tensor.Zeros(shape, source.DType);
        CheckIndex("ScatterAdd", result, dim, index, source);
        ScatterAddInto(result, dim, index, source);
        return result;
    }

    /// <summary>result[…, index[…], …] += source[…] for a contiguous result this call owns.</summary>
    private static void ScatterAddInto(Tensor result, int dim, Tensor index, Tensor source)
    {
        var src = StridedCopy.Convert(source, result.DType);
        var idx = Indices(index);
        var strides = result.StridesArray;
        var srcStrides = src.StridesArray;
        var size = result.Shape[dim];
        ForEachPosition(index.ShapeArray, (position, coords) =>
        {
            var target = Offset(coords, strides, dim, Bounded("ScatterAdd", idx[position], size));
            var value = src.GetAsDouble(Offset(coords, srcStrides, -1, 0));
            result.SetFromDouble(target, result.GetAsDouble(target) + value);
        });
    }

    /// <summary>The slices input[…, index[j], …] along <paramref name="dim"/>, in the order of a 1-D index.</summary>
    public static Tensor IndexSelect(Tensor input, int dim, Tensor index)
    {
        if (index.Dim > 1)
        {
            ThrowHelper.Shape("IndexSelect", $"the index must be 0-D or 1-D; got shape {ThrowHelper.Dims(index.Shape)}.");
        }

        var x = StridedCopy.AsContiguous(input);
        var idx = Indices(index);
        var (outer, size, inner) = Split(x, dim);
        var shape = input.ShapeArray.ToArray();
        shape[dim] = idx.Length;
        var result = Tensor.Empty(shape, input.DType);
        for (var j = 0; j < idx.Length; j++)
        {
            Bounded("IndexSelect", idx[j], size);
        }

        switch (input.DType)
        {
            case DType.Float32: CopyBlocks(x.ContiguousSpan<float>(), result.ContiguousSpan<float>(), idx, outer, size, inner); break;
            case DType.Float64: CopyBlocks(x.ContiguousSpan<double>(), result.ContiguousSpan<double>(), idx, outer, size, inner); break;
            case DType.Int64: CopyBlocks(x.ContiguousSpan<long>(), result.ContiguousSpan<long>(), idx, outer, size, inner); break;
            default: CopyBlocks(x.ContiguousSpan<bool>(), result.ContiguousSpan<bool>(), idx, outer, size, inner); break;
        }

        return result;
    }

    /// <summary>Zeros of <paramref name="shape"/> with source's slices added at index[j] along dim (the adjoint of <see cref="IndexSelect"/>).</summary>
    public static Tensor IndexAdd(int[] shape, int dim, Tensor index, Tensor source)
    {
        var result = Tensor.Zeros(shape, source.DType);
        var src = StridedCopy.AsContiguous(source);
        var idx = Indices(index);
        var (outer, size, inner) = Split(result, dim);
        switch (source.DType)
        {
            case DType.Float32: AddBlocks(src.ContiguousSpan<float>(), result.ContiguousSpan<float>(), idx, outer, size, inner); break;
            case DType.Float64: AddBlocks(src.ContiguousSpan<double>(), result.ContiguousSpan<double>(), idx, outer, size, inner); break;
            default: ThrowHelper.DTypeError("IndexAdd", $"expected a floating-point source; got {source.DType.Name()}."); break;
        }

        return result;
    }

    private static void CopyBlocks<T>(ReadOnlySpan<T> x, Span<T> d, long[] idx, int outer, int size, int inner)
    {
        for (var o = 0; o < outer; o++)
        {
            for (var j = 0; j < idx.Length; j++)
            {
                x.Slice(((o * size) + (int)idx[j]) * inner, inner).CopyTo(d.Slice(((o * idx.Length) + j) * inner, inner));
            }
        }
    }

    private static void AddBlocks<T>(ReadOnlySpan<T> src, Span<T> d, long[] idx, int outer, int size, int inner)
        where T : System.Numerics.INumber<T>
    {
        for (var o = 0; o < outer; o++)
        {
            for (var j = 0; j < idx.Length; j++)
            {
                var target = d.Slice(((o * size) + (int)idx[j]) * inner, inner);
                Kernels.Elementwise.Map<T, Kernels.Operators.AddOperator<T>>(target, 1, src.Slice(((o * idx.Length) + j) * inner, inner), 1, target);
            }
        }
    }

    private static (int Outer, int Size, int Inner) Split(Tensor x, int dim)
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

        return (outer, x.Dim == 0 ? 1 : x.Shape[dim], inner);
    }

    private static long[] Indices(Tensor index)
    {
        if (index.DType != DType.Int64)
        {
            ThrowHelper.DTypeError("Index", $"indices must be an int64 tensor; got {index.DType.Name()}. Use .Long().");
        }

        return index.ToArray<long>();
    }

    private static int Bounded(string op, long index, int size)
    {
        var i = index < 0 ? index + size : index;
        if (i < 0 || i >= size)
        {
            ThrowHelper.Shape(op, $"index {index} is out of bounds for dimension with size {size}.");
        }

        return (int)i;
    }

    private static void CheckIndex(string op, Tensor input, int dim, Tensor index, Tensor source)
    {
        if (index.Dim != input.Dim)
        {
            ThrowHelper.Shape(op, $"index {ThrowHelper.Dims(index.Shape)} must have as many dimensions as the input {ThrowHelper.Dims(input.Shape)}.");
        }

        for (var d = 0; d < input.Dim; d++)
        {
            if ((d != dim && index.Shape[d] > input.Shape[d]) || index.Shape[d] > source.Shape[d])
            {
                ThrowHelper.Shape(op, $"index {ThrowHelper.Dims(index.Shape)} is larger than the input {ThrowHelper.Dims(input.Shape)} or source {ThrowHelper.Dims(source.Shape)} at dimension {d}.");
            }
        }
    }

    /// <summary>Offset of <paramref name="coords"/> under <paramref name="strides"/>, with coordinate <paramref name="dim"/> replaced.</summary>
    private static int Offset(int[] coords, int[] strides, int dim, int replacement)
    {
        var offset = 0;
        for (var d = 0; d < coords.Length; d++)
        {
            offset += (d == dim ? replacement : coords[d]) * strides[d];
        }

        return offset;
    }

    private static void ForEachPosition(int[] shape, Action<int, int[]> body)
    {
        var count = shape.Aggregate(1, (a, b) => a * b);
        var coords = new int[shape.Length];
        for (var p = 0; p < count; p++)
        {
            body(p, coords);
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                if (++coords[d] < shape[d])
                {
                    break;
                }

                coords[d] = 0;
            }
        }
    }
}
