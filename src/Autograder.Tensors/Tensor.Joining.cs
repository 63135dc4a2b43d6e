using Autograder.Tensors.Autograd;
using Autograder.Tensors.Autograd.Functions;

namespace Autograder.Tensors;

/// <summary>Joining and splitting: cat, stack, split, chunk.</summary>
public sealed partial class Tensor
{
    /// <summary>Concatenates tensors of equal shape except along <paramref name="dim"/>.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            ThrowHelper.Shape("Cat", "expected a non-empty list of tensors.");
        }

        var first = tensors[0];
        var d = ThrowHelper.Dim("Cat", dim, first.Dim);
        var dtype = tensors.Select(t => t.DType).Aggregate(DTypes.Promote);
        for (var i = 1; i < tensors.Count; i++)
        {
            var t = tensors[i];
            if (t.Dim != first.Dim || Enumerable.Range(0, t.Dim).Any(k => k != d && t._shape[k] != first._shape[k]))
            {
                ThrowHelper.Shape("Cat", $"sizes of tensors must match except in dimension {d}; tensor 0 has shape {ThrowHelper.Dims(first.Shape)}, tensor {i} has {ThrowHelper.Dims(t.Shape)}.");
            }
        }

        var shape = first.ShapeArray.ToArray();
        shape[d] = tensors.Sum(t => t._shape[d]);
        var result = Empty(shape, dtype);
        using (GradMode.Disable())
        {
            var start = 0;
            foreach (var t in tensors)
            {
                result.Narrow(d, start, t._shape[d]).CopyFrom(t);
                start += t._shape[d];
            }
        }

        return result.WithGradFn(() => new CatBackward(tensors, d), tensors);
    }

    /// <summary>Stacks tensors of equal shape along a new dimension.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            ThrowHelper.Shape("Stack", "expected a non-empty list of tensors.");
        }

        if (tensors.Any(t => !t.Shape.SequenceEqual(tensors[0].Shape)))
        {
            ThrowHelper.Shape("Stack", $"stack expects each tensor to be equal size; got {string.Join(", ", tensors.Select(t => ThrowHelper.Dims(t.Shape)))}.");
        }

        var d = ThrowHelper.Dim("Stack", dim, tensors[0].Dim + 1);
        return Cat([.. tensors.Select(t => t.Unsqueeze(d))], d);
    }

    /// <summary>Splits into views of <paramref name="splitSize"/> along a dimension (the last may be smaller).</summary>
    public Tensor[] Split(int splitSize, int dim = 0)
    {
        var d = ThrowHelper.Dim("Split", dim, Dim);
        if (splitSize <= 0)
        {
            ThrowHelper.Shape("Split", $"split size must be positive; got {splitSize}.");
        }

        var sizes = new List<int>();
        for (var start = 0; start < _shape[d]; start += splitSize)
        {
            sizes.Add(Math.Min(splitSize, _shape[d] - start));
        }

        return Split([.. sizes], d);
    }

    /// <summary>Splits into views of the given sizes along a dimension (they must add up to its size).</summary>
    public Tensor[] Split(int[] sizes, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var d = ThrowHelper.Dim("Split", dim, Dim);
        if (sizes.Sum() != _shape[d] || sizes.Any(s => s < 0))
        {
            ThrowHelper.Shape("Split", $"split sizes [{string.Join(", ", sizes)}] must be non-negative and sum to the dimension's size {_shape[d]}.");
        }

        var parts = new Tensor[sizes.Length];
        var start = 0;
        for (var i = 0; i < sizes.Length; i++)
        {
            parts[i] = Narrow(d, start, sizes[i]);
            start += sizes[i];
        }

        return parts;
    }

    /// <summary>Removes a dimension, returning the slices along it (PyTorch's <c>unbind</c>).</summary>
    public Tensor[] Unbind(int dim = 0)
    {
        var d = ThrowHelper.Dim("Unbind", dim, Dim);
        return [.. Enumerable.Range(0, _shape[d]).Select(i => Select(d, i))];
    }

    /// <summary>Splits into <paramref name="chunks"/> nearly equal views (PyTorch's rule: each of size ⌈n / chunks⌉, the last smaller).</summary>
    public Tensor[] Chunk(int chunks, int dim = 0)
    {
        if (chunks <= 0)
        {
            ThrowHelper.Shape("Chunk", $"number of chunks must be positive; got {chunks}.");
        }

        var d = ThrowHelper.Dim("Chunk", dim, Dim);
        return Split(Math.Max(1, (_shape[d] + chunks - 1) / chunks), d);
    }
}
