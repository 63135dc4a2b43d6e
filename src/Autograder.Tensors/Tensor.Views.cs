using Autograder.Tensors.Autograd.Functions;
using Autograder.Tensors.Iteration;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors;

/// <summary>Shape and view operations: reshape, squeeze, permute, transpose, expand, slicing, indexing.</summary>
public sealed partial class Tensor
{
    /// <summary>Gets the transpose of a matrix (the last two dimensions swapped; a 1-D tensor is returned unchanged).</summary>
    public Tensor T => Dim < 2 ? this : Transpose(-2, -1);

    /// <summary>Returns a tensor with the same data and a new shape; one size may be −1 (inferred). A view when contiguous.</summary>
    public Tensor Reshape(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var target = InferShape("Reshape", shape);
        var source = IsContiguous ? this : StridedCopy.Contiguous(this);
        var view = new Tensor(source.Storage, target, null, source.Offset);
        return view.WithGradFn(() => new ReshapeBackward(this), this);
    }

    /// <summary>Same as <see cref="Reshape"/>, but the tensor must be contiguous (PyTorch's <c>view</c>).</summary>
    public Tensor View(params int[] shape)
    {
        if (!IsContiguous)
        {
            ThrowHelper.Shape("View", $"view size is not compatible with a non-contiguous tensor of shape {ThrowHelper.Dims(Shape)}; use Reshape or Contiguous().");
        }

        return Reshape(shape);
    }

    /// <summary>Flattens dimensions startDim..endDim into one.</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1)
    {
        if (Dim == 0)
        {
            return Reshape(1);
        }

        int s = ThrowHelper.Dim("Flatten", startDim, Dim), e = ThrowHelper.Dim("Flatten", endDim, Dim);
        var shape = new List<int>(_shape[..s]) { _shape[s..(e + 1)].Aggregate(1, (a, b) => a * b) };
        shape.AddRange(_shape[(e + 1)..]);
        return Reshape([.. shape]);
    }

    /// <summary>Removes every dimension of size 1 (a view).</summary>
    public Tensor Squeeze() => DropDims([.. Enumerable.Range(0, Dim).Where(d => _shape[d] == 1)]);

    /// <summary>Removes one dimension if its size is 1 (a view).</summary>
    public Tensor Squeeze(int dim)
    {
        var d = ThrowHelper.Dim("Squeeze", dim, Dim);
        return Dim == 0 || _shape[d] != 1 ? this : DropDims([d]);
    }

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/> (a view).</summary>
    public Tensor Unsqueeze(int dim)
    {
        var d = ThrowHelper.Dim("Unsqueeze", dim, Dim + 1);
        var shape = _shape.ToList();
        var strides = _strides.ToList();
        shape.Insert(d, 1);
        strides.Insert(d, d < Dim ? _shape[d] * _strides[d] : 1);
        return new Tensor(Storage, [.. shape], [.. strides], Offset).WithGradFn(() => new ReshapeBackward(this), this);
    }

    /// <summary>Reorders the dimensions (a view).</summary>
    public Tensor Permute(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length != Dim)
        {
            ThrowHelper.Shape("Permute", $"number of dims don't match: the tensor has {Dim}, the permutation [{string.Join(", ", dims)}] has {dims.Length}.");
        }

        var order = dims.Select(d => ThrowHelper.Dim("Permute", d, Dim)).ToArray();
        if (order.Distinct().Count() != Dim)
        {
            ThrowHelper.Shape("Permute", $"[{string.Join(", ", dims)}] repeats a dimension.");
        }

        var view = new Tensor(Storage, [.. order.Select(d => _shape[d])], [.. order.Select(d => _strides[d])], Offset);
        return view.WithGradFn(() => new PermuteBackward(this, order), this);
    }

    /// <summary>Swaps two dimensions (a view).</summary>
    public Tensor Transpose(int dim0, int dim1)
    {
        int a = ThrowHelper.Dim("Transpose", dim0, Dim), b = ThrowHelper.Dim("Transpose", dim1, Dim);
        var order = Enumerable.Range(0, Dim).ToArray();
        (order[a], order[b]) = (order[b], order[a]);
        return Permute(order);
    }

    /// <summary>Repeats dimensions of size 1 (and prepends new ones) without copying; −1 keeps a size.</summary>
    public Tensor Expand(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length < Dim)
        {
            ThrowHelper.Shape("Expand", $"the target {ThrowHelper.Dims(shape)} has fewer dimensions than the tensor {ThrowHelper.Dims(Shape)}.");
        }

        var target = (int[])shape.Clone();
        var lead = target.Length - Dim;
        for (var i = 0; i < Dim; i++)
        {
            if (target[lead + i] == -1)
            {
                target[lead + i] = _shape[i];
            }
            else if (_shape[i] != 1 && _shape[i] != target[lead + i])
            {
                ThrowHelper.Shape("Expand", $"the expanded size {target[lead + i]} must match the existing size {_shape[i]} at dimension {i} (shape {ThrowHelper.Dims(Shape)} to {ThrowHelper.Dims(shape)}).");
            }
        }

        var view = new Tensor(Storage, target, Layout.BroadcastStrides(_shape, _strides, target), Offset);
        return view.WithGradFn(() => new ExpandBackward(this), this);
    }

    /// <summary>Expands to the shape of <paramref name="other"/>.</summary>
    public Tensor ExpandAs(Tensor other) => Expand(Checked(other).ShapeArray);

    /// <summary>Elements start, start+step, … below end along a dimension (a view; bounds are clamped like Python slices).</summary>
    public Tensor Slice(int dim, int start, int end, int step = 1)
    {
        var d = ThrowHelper.Dim("Slice", dim, Dim);
        if (step <= 0)
        {
            ThrowHelper.Shape("Slice", $"step must be positive; got {step}.");
        }

        var size = _shape[d];
        start = Math.Clamp(start < 0 ? start + size : start, 0, size);
        end = Math.Clamp(end < 0 ? end + size : end, start, size);
        var shape = _shape.ToArray();
        var strides = _strides.ToArray();
        shape[d] = (end - start + step - 1) / step;
        strides[d] = _strides[d] * step;
        var view = new Tensor(Storage, shape, strides, Offset + (start * _strides[d]));
        return view.WithGradFn(() => new SliceBackward(this, d, start, step), this);
    }

    /// <summary>The <paramref name="length"/> elements from <paramref name="start"/> along a dimension (a view; PyTorch's <c>narrow</c>).</summary>
    /// <remarks>Unlike <see cref="Slice"/>, the range must lie inside the dimension, as in PyTorch: a batch loop that runs past
    /// the end of the data is an error to be told, not a silently shorter batch.</remarks>
    public Tensor Narrow(int dim, int start, int length)
    {
        var d = ThrowHelper.Dim("Narrow", dim, Dim);
        var size = _shape[d];
        var from = start < 0 ? start + size : start;
        if (from < 0 || from > size || length < 0 || from + length > size)
        {
            ThrowHelper.Shape("Narrow", $"start ({start}) + length ({length}) exceeds dimension {d} of size {size}; the range must lie inside the dimension.");
        }

        return Slice(d, from, from + length);
    }

    /// <summary>The sub-tensor at <paramref name="index"/> along <paramref name="dim"/>, with that dimension removed (a view).</summary>
    public Tensor Select(int dim, int index)
    {
        var d = ThrowHelper.Dim("Select", dim, Dim);
        var i = index < 0 ? index + _shape[d] : index;
        if ((uint)i >= (uint)_shape[d])
        {
            ThrowHelper.Shape("Select", $"index {index} is out of bounds for dimension {d} with size {_shape[d]}.");
        }

        return Slice(d, i, i + 1).Squeeze(d);
    }

    /// <summary>Gets or sets a NumPy-style indexed view: ints select, ranges slice, <see cref="TensorIndex.NewAxis"/> inserts.</summary>
    /// <remarks>Setting copies the value (broadcast) into the view, in place.</remarks>
    [System.Runtime.CompilerServices.IndexerName("Indexed")]
    public Tensor this[params TensorIndex[] indices]
    {
        get => Index(indices);
        set => Index(indices).CopyFrom(value);
    }

    private Tensor Index(TensorIndex[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count(i => !i.IsNewAxis) > Dim)
        {
            ThrowHelper.Shape("Index", $"too many indices ({indices.Length}) for a tensor of dimension {Dim}.");
        }

        var result = this;
        var dim = 0;
        foreach (var index in indices)
        {
            if (index.IsNewAxis)
            {
                result = result.Unsqueeze(dim++);
            }
            else if (index.Single is { } i)
            {
                result = result.Select(dim, i);
            }
            else
            {
                var size = result._shape[dim];
                var (start, length) = index.Range!.Value.GetOffsetAndLength(size);
                result = result.Slice(dim++, start, start + length, index.Step);
            }
        }

        return result;
    }

    private Tensor DropDims(int[] dims)
    {
        var keep = Enumerable.Range(0, Dim).Where(d => !dims.Contains(d)).ToArray();
        var view = new Tensor(Storage, [.. keep.Select(d => _shape[d])], [.. keep.Select(d => _strides[d])], Offset);
        return view.WithGradFn(() => new ReshapeBackward(this), this);
    }

    private int[] InferShape(string op, int[] shape)
    {
        var target = (int[])shape.Clone();
        var unknown = Array.IndexOf(target, -1);
        if (Array.LastIndexOf(target, -1) != unknown)
        {
            ThrowHelper.Shape(op, $"only one dimension can be inferred; got {ThrowHelper.Dims(shape)}.");
        }

        var known = target.Where(d => d != -1).Aggregate(1L, (a, b) => a * b);
        if (unknown >= 0 && known != 0 && NumEl % known == 0)
        {
            target[unknown] = (int)(NumEl / known);
        }

        if (target.Any(d => d < 0) || target.Aggregate(1L, (a, b) => a * b) != NumEl)
        {
            ThrowHelper.Shape(op, $"shape {ThrowHelper.Dims(shape)} is invalid for input of size {NumEl} (shape {ThrowHelper.Dims(Shape)}).");
        }

        return target;
    }
}
