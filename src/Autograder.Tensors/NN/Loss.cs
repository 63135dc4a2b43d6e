namespace Autograder.Tensors.NN;

/// <summary>A loss criterion: <c>criterion.Call(output, target)</c>, as PyTorch's <c>criterion(output, target)</c>.</summary>
/// <param name="reduction">How per-element losses combine.</param>
public abstract class Loss(Reduction reduction = Reduction.Mean) : Module
{
    /// <summary>Gets how per-element losses combine.</summary>
    public Reduction Reduction { get; } = reduction;

    /// <summary>Computes the loss.</summary>
    public abstract Tensor Forward(Tensor input, Tensor target);

    /// <summary>Computes the loss.</summary>
    public Tensor Call(Tensor input, Tensor target) => Forward(input, target);
}
