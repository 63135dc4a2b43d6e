namespace Autograder.Tensors.NN;

/// <summary>2-D average pooling.</summary>
/// <param name="kernelSize">The window size.</param>
/// <param name="stride">The step (default: the kernel size).</param>
/// <param name="padding">Implicit zero padding.</param>
/// <param name="ceilMode">Whether the output size rounds up.</param>
/// <param name="countIncludePad">Whether padding counts in the divisor.</param>
public sealed class AvgPool2d(int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false, bool countIncludePad = true) : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.NotNull(input).AvgPool2d(kernelSize, stride, padding, ceilMode, countIncludePad);
}
