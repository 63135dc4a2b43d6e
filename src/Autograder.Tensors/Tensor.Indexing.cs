using Autograder.Tensors.Autograd.Functions;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors;

/// <summary>Index-driven operations: gather, scatter_add, index_select, one_hot.</summary>
public sealed partial class Tensor
{
    /// <summary>Picks values along <paramref name="dim"/> at int64 <paramref name="index"/> (same rank): out[c] = this[c with c[dim] = index[c]].</summary>
    public Tensor Gather(int dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var d = ThrowHelper.Dim("Gather", dim, Dim);
        return IndexOps.Gather(this, d, index).WithGradFn(() => new GatherBackward(this, d, index), this);
    }

    /// <summary>Returns a copy with <paramref name="source"/> added at <paramref name="index"/> along <paramref name="dim"/> (duplicates accumulate).</summary>
    public Tensor ScatterAdd(int dim, Tensor index, Tensor source)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        var d = ThrowHelper.Dim("ScatterAdd", dim, Dim);
        return IndexOps.ScatterAdd(this, d, index, source).WithGradFn(() => new ScatterAddBackward(this, d, index, source), this, source);
    }

    /// <summary>The slices at the positions of a 1-D int64 <paramref name="index"/> along <paramref name="dim"/> (rows of an embedding table, say).</summary>
    public Tensor IndexSelect(int dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var d = ThrowHelper.Dim("IndexSelect", dim, Dim);
        return IndexOps.IndexSelect(this, d, index).WithGradFn(() => new IndexSelectBackward(this, d, index), this);
    }

    /// <summary>One-hot encodes an int64 tensor of class indices into a trailing dimension of size <paramref name="numClasses"/> (int64).</summary>
    public Tensor OneHot(int numClasses = -1)
    {
        if (DType != DType.Int64)
        {
            ThrowHelper.DTypeError("OneHot", $"class values must be int64; got {DType.Name()}.");
        }

        var values = ToArray<long>();
        var classes = numClasses >= 0 ? numClasses : (int)(values.Length == 0 ? 0 : values.Max() + 1);
        var result = Zeros([.. _shape, classes], DType.Int64);
        var data = result.ContiguousSpan<long>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < 0 || values[i] >= classes)
            {
                ThrowHelper.Shape("OneHot", $"class value {values[i]} at position {i} is outside [0, {classes}).");
            }

            data[(i * classes) + (int)values[i]] = 1;
        }

        return result;
    }
}
