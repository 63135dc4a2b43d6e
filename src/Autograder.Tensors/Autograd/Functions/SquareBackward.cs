namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of x²: 2 · g · x.</summary>
internal sealed class SquareBackward : Node
{
    public SquareBackward(Tensor x)
        : base(x) => Save(x);

    public override Tensor?[] Apply(Tensor gradOutput) => [gradOutput * Saved(0) * 2.0];
}
