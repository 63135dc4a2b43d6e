namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of tanh x: g · (1 − y²).</summary>
internal sealed class TanhBackward : Node
{
    public TanhBackward(Tensor x, Tensor result)
        : base(x) => Save(result);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var y = Saved(0);
        return [gradOutput * (1.0 - (y * y))];
    }
}
