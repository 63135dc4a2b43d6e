using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of index_select: the gradient's slices added back at their indices (repeats accumulate).</summary>
/// <remarks>
/// When the index is a permutation of the whole dimension (a recurrent layer sorting its batch by length), each slice
/// goes back to one place: the gradient is the inverse permutation's index_select, with no zero-filled buffer to add into.
/// </remarks>
internal sealed class IndexSelectBackward(Tensor input, int dim, Tensor index) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) =>
        [Inverse(index, _shape[dim]) is { } inverse ? gradOutput.IndexSelect(dim, inverse) : IndexOps.IndexAdd(_shape, dim, index, gradOutput)];

    /// <summary>The inverse of <paramref name="index"/> when it is a permutation of 0..size-1, else null.</summary>
    private static Tensor? Inverse(Tensor index, int size)
    {
        if (index.NumEl != size)
        {
            return null;
        }

        var positions = index.ToArray<long>();
        var inverse = new long[size];
        var seen = new bool[size];
        for (var i = 0; i < size; i++)
        {
            var p = positions[i];
            if (p < 0 || p >= size || seen[p])
            {
                return null;
            }

            (seen[p], inverse[p]) = (true, i);
        }

        return Tensor.FromArray(inverse, size);
    }
}
