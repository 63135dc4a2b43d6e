namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of expand: summed over the expanded dimensions.</summary>
internal sealed class ExpandBackward(Tensor input) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) => [BroadcastGradient.SumTo(gradOutput, _shape)];
}
