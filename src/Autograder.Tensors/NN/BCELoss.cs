namespace Autograder.Tensors.NN;

/// <summary>Binary cross-entropy on probabilities.</summary>
/// <param name="reduction">How per-element losses combine.</param>
public sealed class BCELoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.BinaryCrossEntropy(input, target, Reduction);
}
