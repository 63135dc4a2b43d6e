namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of √x: g / (2√x).</summary>
internal sealed class SqrtBackward : Node
{
    public SqrtBackward(Tensor x, Tensor result)
        : base(x) => Save(result);

    public override Tensor?[] Apply(Tensor gradOutput) => [gradOutput / (Saved(0) * 2.0)];
}
