namespace Autograder.Kernels.Convolution;

/// <summary>The shape of a 2-D convolution or pooling window sweep over one image plane.</summary>
/// <param name="Channels">Input channels C.</param>
/// <param name="Height">Input height H.</param>
/// <param name="Width">Input width W.</param>
/// <param name="KernelHeight">Window height KH.</param>
/// <param name="KernelWidth">Window width KW.</param>
/// <param name="StrideHeight">Vertical step between windows.</param>
/// <param name="StrideWidth">Horizontal step between windows.</param>
/// <param name="PadHeight">Zero rows added above and below.</param>
/// <param name="PadWidth">Zero columns added left and right.</param>
public readonly record struct ConvGeometry(
    int Channels, int Height, int Width, int KernelHeight, int KernelWidth,
    int StrideHeight = 1, int StrideWidth = 1, int PadHeight = 0, int PadWidth = 0)
{
    /// <summary>Gets the output height: ⌊(H + 2·padH − KH) / strideH⌋ + 1.</summary>
    public int OutHeight => ((Height + (2 * PadHeight) - KernelHeight) / StrideHeight) + 1;

    /// <summary>Gets the output width: ⌊(W + 2·padW − KW) / strideW⌋ + 1.</summary>
    public int OutWidth => ((Width + (2 * PadWidth) - KernelWidth) / StrideWidth) + 1;

    /// <summary>Gets the rows of the column matrix: C · KH · KW.</summary>
    public int ColumnRows => Channels * KernelHeight * KernelWidth;

    /// <summary>Gets the output positions per image: OH · OW.</summary>
    public int OutPositions => OutHeight * OutWidth;

    /// <summary>Throws unless every extent is positive and the window fits the padded input.</summary>
    /// <param name="op">The operation to name in the message.</param>
    public void Validate(string op)
    {
        if (Channels <= 0 || Height <= 0 || Width <= 0 || KernelHeight <= 0 || KernelWidth <= 0)
        {
            ThrowHelper.Argument(op, $"extents must be positive; got input ({Channels}, {Height}, {Width}), kernel ({KernelHeight}, {KernelWidth}).");
        }

        if (StrideHeight <= 0 || StrideWidth <= 0 || PadHeight < 0 || PadWidth < 0)
        {
            ThrowHelper.Argument(op, $"stride must be positive and padding non-negative; got stride ({StrideHeight}, {StrideWidth}), padding ({PadHeight}, {PadWidth}).");
        }

        if (Height + (2 * PadHeight) < KernelHeight || Width + (2 * PadWidth) < KernelWidth)
        {
            ThrowHelper.Argument(op, $"the kernel ({KernelHeight}, {KernelWidth}) is larger than the padded input ({Height + (2 * PadHeight)}, {Width + (2 * PadWidth)}).");
        }
    }
}
