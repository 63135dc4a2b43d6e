namespace Autograder.Tensors.NN;

/// <summary>1 / (1 + e⁻ˣ) elementwise.</summary>
public sealed class Sigmoid : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.NotNull(input).Sigmoid();
}
