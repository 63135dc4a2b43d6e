namespace Autograder.Tensors.NN;

/// <summary>Averages each plane to a fixed output size.</summary>
/// <param name="outputHeight">The output height.</param>
/// <param name="outputWidth">The output width.</param>
public sealed class AdaptiveAvgPool2d(int outputHeight, int outputWidth) : Module<Tensor, Tensor>
{
    /// <summary>Initializes a new instance of the <see cref="AdaptiveAvgPool2d"/> class with a square output.</summary>
    public AdaptiveAvgPool2d(int outputSize)
        : this(outputSize, outputSize)
    {
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.NotNull(input).AdaptiveAvgPool2d(outputHeight, outputWidth);
}
