namespace Autograder.Tensors.NN;

/// <summary>Negative log-likelihood over log-probabilities.</summary>
/// <param name="ignoreIndex">A target value that contributes nothing.</param>
/// <param name="reduction">How per-element losses combine.</param>
public sealed class NLLLoss(long ignoreIndex = -100, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.NllLoss(input, target, ignoreIndex, Reduction);
}
