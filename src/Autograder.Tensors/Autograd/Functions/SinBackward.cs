namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of sin x: g · cos x.</summary>
internal sealed class SinBackward : Node
{
    public SinBackward(Tensor x)
        : base(x) => Save(x);

    public override Tensor?[] Apply(Tensor gradOutput) => [gradOutput * Saved(0).Cos()];
}
