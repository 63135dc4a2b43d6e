namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of a reshape, squeeze or unsqueeze: the gradient reshaped back.</summary>
internal sealed class ReshapeBackward(Tensor input) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) => [gradOutput.Reshape(_shape)];
}
