namespace Autograder.Kernels.Pooling;

/// <summary>The window sweep of a 2-D pooling over planes: kernel, stride, padding and output size.</summary>
/// <param name="Height">Input height H.</param>
/// <param name="Width">Input width W.</param>
/// <param name="KernelHeight">Window height.</param>
/// <param name="KernelWidth">Window width.</param>
/// <param name="StrideHeight">Vertical step.</param>
/// <param name="StrideWidth">Horizontal step.</param>
/// <param name="PadHeight">Implicit padding above and below.</param>
/// <param name="PadWidth">Implicit padding left and right.</param>
/// <param name="CeilMode">Whether the output size rounds up (a last partial window is kept if it starts inside the input).</param>
public readonly record struct PoolWindow(
    int Height, int Width, int KernelHeight, int KernelWidth,
    int StrideHeight, int StrideWidth, int PadHeight = 0, int PadWidth = 0, bool CeilMode = false)
{
    /// <summary>Gets the output height, by PyTorch's rule.</summary>
    public int OutHeight => OutSize(Height, KernelHeight, StrideHeight, PadHeight, CeilMode);

    /// <summary>Gets the output width, by PyTorch's rule.</summary>
    public int OutWidth => OutSize(Width, KernelWidth, StrideWidth, PadWidth, CeilMode);

    /// <summary>Throws unless the sizes are positive, padding is at most half the kernel, and there is output.</summary>
    /// <param name="op">The operation to name in the message.</param>
    public void Validate(string op)
    {
        if (Height <= 0 || Width <= 0 || KernelHeight <= 0 || KernelWidth <= 0 || StrideHeight <= 0 || StrideWidth <= 0)
        {
            ThrowHelper.Argument(op, $"input ({Height}, {Width}), kernel ({KernelHeight}, {KernelWidth}) and stride ({StrideHeight}, {StrideWidth}) must be positive.");
        }

        if (PadHeight < 0 || PadWidth < 0 || 2 * PadHeight > KernelHeight || 2 * PadWidth > KernelWidth)
        {
            ThrowHelper.Argument(op, $"padding must be between 0 and half the kernel; got padding ({PadHeight}, {PadWidth}) for kernel ({KernelHeight}, {KernelWidth}).");
        }

        if (OutHeight <= 0 || OutWidth <= 0)
        {
            ThrowHelper.Argument(op, $"the kernel ({KernelHeight}, {KernelWidth}) leaves no output for input ({Height}, {Width}) with padding ({PadHeight}, {PadWidth}).");
        }
    }

    private static int OutSize(int size, int kernel, int stride, int pad, bool ceil)
    {
        var span = size + (2 * pad) - kernel;
        if (span < 0)
        {
            return 0;
        }

        var output = (ceil ? (span + stride - 1) / stride : span / stride) + 1;

        // In ceil mode the last window must start inside the input or the left padding.
        if (ceil && (output - 1) * stride >= size + pad)
        {
            output--;
        }

        return output;
    }
}
