using Autograder.Kernels.Pooling;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of max pooling: each output gradient goes to the position that won its window.</summary>
internal sealed class MaxPool2dBackward(Tensor input, Tensor indices, PoolWindow window) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) => [PoolOps.MaxBackward(gradOutput, indices, _shape, window)];
}
