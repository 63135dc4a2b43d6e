namespace Autograder.Tensors.NN;

/// <summary>softmax along a dimension.</summary>
/// <param name="dim">The dimension that sums to one.</param>
public sealed class Softmax(int dim) : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.NotNull(input).Softmax(dim);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"dim={dim}";
}
