using Autograder.Kernels.Pooling;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of average pooling: each output gradient spread evenly over its window.</summary>
internal sealed class AvgPool2dBackward(Tensor input, PoolWindow window, bool countIncludePad) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) => [PoolOps.AvgBackward(gradOutput, _shape, window, countIncludePad)];
}
