namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of a · b: g · b and g · a.</summary>
internal sealed class MulBackward : Node
{
    public MulBackward(Tensor a, Tensor b)
        : base(a, b) => Save(a, b);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        Tensor a = Saved(0), b = Saved(1);
        return [NeedsGrad(0) ? BroadcastGradient.SumTo(gradOutput * b, a.ShapeArray) : null, NeedsGrad(1) ? BroadcastGradient.SumTo(gradOutput * a, b.ShapeArray) : null];
    }
}
