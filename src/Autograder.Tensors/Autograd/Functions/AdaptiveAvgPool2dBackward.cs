using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of adaptive average pooling: each output gradient spread evenly over its window.</summary>
internal sealed class AdaptiveAvgPool2dBackward(Tensor input) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) => [PoolOps.AdaptiveBackward(gradOutput, _shape)];
}
