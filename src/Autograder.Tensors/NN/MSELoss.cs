namespace Autograder.Tensors.NN;

/// <summary>Mean squared error.</summary>
/// <param name="reduction">How per-element losses combine.</param>
public sealed class MSELoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.MseLoss(input, target, Reduction);
}
