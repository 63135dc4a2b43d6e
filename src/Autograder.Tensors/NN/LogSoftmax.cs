namespace Autograder.Tensors.NN;

/// <summary>log-softmax along a dimension.</summary>
/// <param name="dim">The dimension that sums to one after exponentiation.</param>
public sealed class LogSoftmax(int dim) : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.NotNull(input).LogSoftmax(dim);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"dim={dim}";
}
