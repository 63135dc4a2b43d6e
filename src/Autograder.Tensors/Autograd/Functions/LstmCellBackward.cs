using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>
/// Gradient of the fused LSTM step (2, N, H) = [o·tanh(c'); c'], c' = σ(f)·c + σ(i)·tanh(g), with respect to the
/// pre-activations (i, f, g, o) and the previous cell state c.
/// </summary>
internal sealed class LstmCellBackward : Node
{
    public LstmCellBackward(Tensor preactivations, Tensor cell, Tensor gates, Tensor tanhCell)
        : base(preactivations, cell) => Save(gates, cell, tanhCell);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var (gradPreactivations, gradCell) = RecurrentOps.LstmCellBackward(gradOutput, Saved(0), Saved(1), Saved(2), NeedsGrad(1));
        return [NeedsGrad(0) ? gradPreactivations : null, gradCell];
    }
}
