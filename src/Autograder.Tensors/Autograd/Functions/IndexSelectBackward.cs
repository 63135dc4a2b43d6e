using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of index_select: the gradient's slices added back at their indices (repeats accumulate).</summary>
internal sealed class IndexSelectBackward(Tensor input, int dim, Tensor index) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) => [IndexOps.IndexAdd(_shape, dim, index, gradOutput)];
}
