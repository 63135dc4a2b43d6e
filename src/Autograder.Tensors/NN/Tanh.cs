namespace Autograder.Tensors.NN;

/// <summary>tanh x elementwise.</summary>
public sealed class Tanh : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.NotNull(input).Tanh();
}
