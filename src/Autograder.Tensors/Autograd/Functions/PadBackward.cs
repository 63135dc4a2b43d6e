namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of constant padding: the interior of the gradient.</summary>
internal sealed class PadBackward(Tensor input, int[] pads) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) => [gradOutput.PaddedInterior(pads, _shape)];
}
