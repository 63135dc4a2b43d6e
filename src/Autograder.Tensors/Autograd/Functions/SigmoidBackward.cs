namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of σ(x): g · y · (1 − y).</summary>
internal sealed class SigmoidBackward : Node
{
    public SigmoidBackward(Tensor x, Tensor result)
        : base(x) => Save(result);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var y = Saved(0);
        return [gradOutput * y * (1.0 - y)];
    }
}
