namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of a / b: g / b and −g · a / b².</summary>
internal sealed class DivBackward : Node
{
    public DivBackward(Tensor a, Tensor b)
        : base(a, b) => Save(a, b);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        Tensor a = Saved(0), b = Saved(1);
        return
        [
            NeedsGrad(0) ? BroadcastGradient.SumTo(gradOutput / b, a.ShapeArray) : null,
            NeedsGrad(1) ? BroadcastGradient.SumTo(-gradOutput * a / (b * b), b.ShapeArray) : null,
        ];
    }
}
