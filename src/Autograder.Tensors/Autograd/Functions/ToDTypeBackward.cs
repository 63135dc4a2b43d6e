namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of a dtype conversion: the gradient converted back.</summary>
internal sealed class ToDTypeBackward(Tensor input) : Node(input)
{
    private readonly DType _dtype = input.DType;

    public override Tensor?[] Apply(Tensor gradOutput) => [gradOutput.To(_dtype)];
}
