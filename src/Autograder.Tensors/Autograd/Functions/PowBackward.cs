namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of aᵇ: g · b · aᵇ⁻¹ and g · aᵇ · ln a (taken as 0 where a = 0).</summary>
internal sealed class PowBackward : Node
{
    public PowBackward(Tensor a, Tensor b)
        : base(a, b) => Save(a, b);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        Tensor a = Saved(0), b = Saved(1);
        Tensor? ga = null, gb = null;
        if (NeedsGrad(0))
        {
            ga = BroadcastGradient.SumTo(gradOutput * b * a.Pow(b - 1.0), a.ShapeArray);
        }

        if (NeedsGrad(1))
        {
            var logA = Tensor.Where(a.Eq(0.0), Tensor.ZerosLike(a), a.Log());
            gb = BroadcastGradient.SumTo(gradOutput * a.Pow(b) * logA, b.ShapeArray);
        }

        return [ga, gb];
    }
}
