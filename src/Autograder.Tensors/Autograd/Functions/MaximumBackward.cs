namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of max(a, b) or min(a, b): to the winner; split evenly on ties, as PyTorch does.</summary>
internal sealed class MaximumBackward : Node
{
    private readonly bool _isMax;

    public MaximumBackward(Tensor a, Tensor b, bool isMax)
        : base(a, b)
    {
        _isMax = isMax;
        Save(a, b);
    }

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        Tensor a = Saved(0), b = Saved(1);
        var aWins = _isMax ? a.Gt(b) : a.Lt(b);
        var tie = a.Eq(b);
        var aShare = aWins.To(gradOutput.DType) + (tie.To(gradOutput.DType) * 0.5);
        var bShare = 1.0 - aShare;
        return
        [
            NeedsGrad(0) ? BroadcastGradient.SumTo(gradOutput * aShare, a.ShapeArray) : null,
            NeedsGrad(1) ? BroadcastGradient.SumTo(gradOutput * bShare, b.ShapeArray) : null,
        ];
    }
}
