namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of a copy: the gradient itself.</summary>
internal sealed class CloneBackward(Tensor input) : Node(input)
{
    public override Tensor?[] Apply(Tensor gradOutput) => [gradOutput];
}
