namespace Autograder.Tensors.NN;

/// <summary>Binary cross-entropy on logits.</summary>
/// <param name="reduction">How per-element losses combine.</param>
public sealed class BCEWithLogitsLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.BinaryCrossEntropyWithLogits(input, target, Reduction);
}
