namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of eˣ: g · eˣ (the saved result).</summary>
internal sealed class ExpBackward : Node
{
    public ExpBackward(Tensor x, Tensor result)
        : base(x) => Save(result);

    public override Tensor?[] Apply(Tensor gradOutput) => [gradOutput * Saved(0)];
}
