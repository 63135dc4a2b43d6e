namespace Autograder.Tensors.NN;

/// <summary>Cross-entropy over class scores (log-softmax + NLL).</summary>
/// <param name="ignoreIndex">A target value that contributes nothing.</param>
/// <param name="reduction">How per-element losses combine.</param>
public sealed class CrossEntropyLoss(long ignoreIndex = -100, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.CrossEntropy(input, target, ignoreIndex, Reduction);
}
