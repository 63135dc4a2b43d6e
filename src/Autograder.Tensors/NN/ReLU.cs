namespace Autograder.Tensors.NN;

/// <summary>max(x, 0) elementwise.</summary>
public sealed class ReLU : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.NotNull(input).Relu();
}
