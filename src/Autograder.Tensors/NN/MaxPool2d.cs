namespace Autograder.Tensors.NN;

/// <summary>2-D max pooling (the stride defaults to the kernel size; ceil mode as in PyTorch).</summary>
/// <param name="kernelSize">The window size.</param>
/// <param name="stride">The step (default: the kernel size).</param>
/// <param name="padding">Implicit −∞ padding.</param>
/// <param name="ceilMode">Whether the output size rounds up.</param>
public sealed class MaxPool2d(int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false) : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.NotNull(input).MaxPool2d(kernelSize, stride, padding, ceilMode);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"kernel_size={kernelSize}, stride={stride ?? kernelSize}, padding={padding}, ceil_mode={ceilMode}";
}
