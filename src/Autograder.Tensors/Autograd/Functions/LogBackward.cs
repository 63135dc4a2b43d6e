namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of ln x: g / x.</summary>
internal sealed class LogBackward : Node
{
    public LogBackward(Tensor x)
        : base(x) => Save(x);

    public override Tensor?[] Apply(Tensor gradOutput) => [gradOutput / Saved(0)];
}
