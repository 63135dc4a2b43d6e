namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of −x: −g.</summary>
internal sealed class NegBackward(Tensor x) : Node(x)
{
    public override Tensor?[] Apply(Tensor gradOutput) => [-gradOutput];
}
