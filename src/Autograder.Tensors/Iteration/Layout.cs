namespace Autograder.Tensors.Iteration;

/// <summary>Shape and stride arithmetic: contiguity, broadcasting, and collapsing dimensions for fast loops.</summary>
internal static class Layout
{
    /// <summary>Returns the row-major strides of a shape.</summary>
    public static int[] ContiguousStrides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        var s = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }

        return strides;
    }

    /// <summary>Returns the number of elements of a shape, or throws when it exceeds int.MaxValue.</summary>
    public static int NumEl(ReadOnlySpan<int> shape, string op = "Tensor")
    {
        long n = 1;
        foreach (var d in shape)
        {
            if (d < 0)
            {
                ThrowHelper.Shape(op, $"sizes must be non-negative; got {ThrowHelper.Dims(shape)}.");
            }

            n *= d;
            if (n > int.MaxValue)
            {
                ThrowHelper.Shape(op, $"shape {ThrowHelper.Dims(shape)} has more than {int.MaxValue} elements.");
            }
        }

        return (int)n;
    }

    /// <summary>Returns whether a view with these strides walks its storage in row-major order without gaps.</summary>
    public static bool IsContiguous(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides)
    {
        var expected = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] != 1 && strides[i] != expected)
            {
                return false;
            }

            expected *= shape[i];
        }

        return true;
    }

    /// <summary>The broadcast shape of two shapes (NumPy rules), or a message naming both.</summary>
    public static int[] Broadcast(string op, ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            var db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
            {
                ThrowHelper.Shape(op, $"shapes {ThrowHelper.Dims(a)} and {ThrowHelper.Dims(b)} cannot be broadcast together (dimension {i}: {da} vs {db}).");
            }

            result[i] = da == 1 ? db : da;
        }

        return result;
    }

    /// <summary>The strides that read a (shape, strides) view as if expanded to <paramref name="target"/> (0 where broadcast).</summary>
    public static int[] BroadcastStrides(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, ReadOnlySpan<int> target)
    {
        var result = new int[target.Length];
        var lead = target.Length - shape.Length;
        for (var i = 0; i < shape.Length; i++)
        {
            result[lead + i] = shape[i] == 1 && target[lead + i] != 1 ? 0 : strides[i];
        }

        return result;
    }

    /// <summary>
    /// Merges dimensions that every operand walks as one (and drops size-1 ones), so loops run over few,
    /// long rows. Returns the collapsed shape and, per operand, the collapsed strides.
    /// </summary>
    public static (int[] Shape, int[][] Strides) Coalesce(ReadOnlySpan<int> shape, params int[][] strides)
    {
        var dims = new List<int>();
        var merged = strides.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 1)
            {
                continue;
            }

            var last = dims.Count - 1;
            var canMerge = last >= 0;
            for (var k = 0; k < strides.Length && canMerge; k++)
            {
                canMerge = merged[k][last] == shape[i] * strides[k][i];
            }

            if (canMerge)
            {
                dims[last] *= shape[i];
                for (var k = 0; k < strides.Length; k++)
                {
                    merged[k][last] = strides[k][i];
                }
            }
            else
            {
                dims.Add(shape[i]);
                for (var k = 0; k < strides.Length; k++)
                {
                    merged[k].Add(strides[k][i]);
                }
            }
        }

        if (dims.Count == 0)
        {
            return ([1], strides.Select(_ => Enumerable.Repeat(1, 1).ToArray()).ToArray());
        }

        return (dims.ToArray(), merged.Select(m => m.ToArray()).ToArray());
    }

    /// <summary>The storage offset of the start of every row (all dimensions but the last) of a strided view.</summary>
    public static int[] RowOffsets(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, int offset)
    {
        var outerRank = shape.Length - 1;
        var rows = 1;
        for (var i = 0; i < outerRank; i++)
        {
            rows *= shape[i];
        }

        var offsets = new int[rows];
        if (rows == 0)
        {
            return offsets;
        }

        Span<int> index = stackalloc int[Math.Max(outerRank, 1)];
        index.Clear();
        var current = offset;
        for (var r = 0; r < rows; r++)
        {
            offsets[r] = current;
            for (var d = outerRank - 1; d >= 0; d--)
            {
                index[d]++;
                current += strides[d];
                if (index[d] < shape[d])
                {
                    break;
                }

                current -= index[d] * strides[d];
                index[d] = 0;
            }
        }

        return offsets;
    }
}
