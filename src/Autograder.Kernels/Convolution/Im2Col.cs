using System.Numerics;

namespace Autograder.Kernels.Convolution;

/// <summary>Unfolds an image into the column matrix of a convolution (im2col) and folds gradients back (col2im).</summary>
/// <remarks>
/// Column-matrix row r = (c·KH + ki)·KW + kj holds, for every output position p = oh·OW + ow, the input
/// value X[c, oh·sh − ph + ki, ow·sw − pw + kj] (zero outside the image). Rows sit
/// <c>columnStride</c> apart, so several images can share one matrix side by side (offset by
/// <c>columnOffset</c>) and be multiplied with one GEMM.
/// </remarks>
public static partial class Im2Col
{
    /// <summary>Writes the column matrix of one (C, H, W) image.</summary>
    /// <param name="image">The image, C·H·W values.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <param name="columns">The column matrix.</param>
    /// <param name="columnStride">Distance between consecutive rows of <paramref name="columns"/>.</param>
    /// <param name="columnOffset">Where this image's first column starts in each row.</param>
    public static unsafe void Unfold<T>(ReadOnlySpan<T> image, in ConvGeometry geometry, Span<T> columns, int columnStride, int columnOffset)
        where T : unmanaged, INumber<T>
    {
        const string Op = "Im2Col.Unfold";
        var g = geometry;
        Check(Op, g, image.Length, columns.Length, columnStride, columnOffset);
        int oh = g.OutHeight, ow = g.OutWidth, height = g.Height, width = g.Width, sh = g.StrideHeight, sw = g.StrideWidth, ph = g.PadHeight;
        fixed (T* pImage = image, pColumns = columns)
        {
            for (var c = 0; c < g.Channels; c++)
            {
                var plane = pImage + ((nint)c * height * width);
                for (var ki = 0; ki < g.KernelHeight; ki++)
                {
                    for (var kj = 0; kj < g.KernelWidth; kj++)
                    {
                        var r = (((c * g.KernelHeight) + ki) * g.KernelWidth) + kj;
                        var row = pColumns + ((nint)r * columnStride) + columnOffset;
                        var (first, end) = ValidRange(ow, sw, kj - g.PadWidth, width);
                        var firstInput = (first * sw) + kj - g.PadWidth;
                        for (var y = 0; y < oh; y++, row += ow)
                        {
                            var ih = (y * sh) - ph + ki;
                            if ((uint)ih >= (uint)height || first >= end)
                            {
                                SmallRows.Clear(row, ow);
                                continue;
                            }

                            SmallRows.Clear(row, first);
                            SmallRows.Clear(row + end, ow - end);
                            var src = plane + ((nint)ih * width) + firstInput;
                            if (sw == 1)
                            {
                                SmallRows.Copy(src, row + first, end - first);
                            }
                            else
                            {
                                for (var x = first; x < end; x++, src += sw)
                                {
                                    row[x] = *src;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Adds the column matrix of one image back into its (C, H, W) gradient (the adjoint of <see cref="Unfold"/>).</summary>
    /// <param name="columns">The column matrix (gradients with respect to it).</param>
    /// <param name="columnStride">Distance between consecutive rows of <paramref name="columns"/>.</param>
    /// <param name="columnOffset">Where this image's first column starts in each row.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <param name="image">The image gradient, accumulated into.</param>
    public static unsafe void Fold<T>(ReadOnlySpan<T> columns, int columnStride, int columnOffset, in ConvGeometry geometry, Span<T> image)
        where T : unmanaged, INumber<T>
    {
        const string Op = "Im2Col.Fold";
        var g = geometry;
        Check(Op, g, image.Length, columns.Length, columnStride, columnOffset);
        int oh = g.OutHeight, ow = g.OutWidth, height = g.Height, width = g.Width, sh = g.StrideHeight, sw = g.StrideWidth, ph = g.PadHeight;
        fixed (T* pImage = image, pColumns = columns)
        {
            for (var c = 0; c < g.Channels; c++)
            {
                var plane = pImage + ((nint)c * height * width);
                for (var ki = 0; ki < g.KernelHeight; ki++)
                {
                    for (var kj = 0; kj < g.KernelWidth; kj++)
                    {
                        var r = (((c * g.KernelHeight) + ki) * g.KernelWidth) + kj;
                        var row = pColumns + ((nint)r * columnStride) + columnOffset;
                        var (first, end) = ValidRange(ow, sw, kj - g.PadWidth, width);
                        if (first >= end)
                        {
                            continue;
                        }

                        var firstInput = (first * sw) + kj - g.PadWidth;
                        for (var y = 0; y < oh; y++, row += ow)
                        {
                            var ih = (y * sh) - ph + ki;
                            if ((uint)ih >= (uint)height)
                            {
                                continue;
                            }

                            var dst = plane + ((nint)ih * width) + firstInput;
                            if (sw == 1)
                            {
                                SmallRows.Add(row + first, dst, end - first);
                            }
                            else
                            {
                                for (var x = first; x < end; x++, dst += sw)
                                {
                                    *dst += row[x];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>The output columns [first, end) whose input column x·stride + shift lies inside [0, width).</summary>
    private static (int First, int End) ValidRange(int outWidth, int stride, int shift, int width)
    {
        var first = shift >= 0 ? 0 : (-shift + stride - 1) / stride;
        var end = width - shift <= 0 ? 0 : Math.Min(outWidth, ((width - shift - 1) / stride) + 1);
        return (Math.Min(first, outWidth), Math.Max(end, 0));
    }

    private static void Check(string op, in ConvGeometry g, int imageLength, int columnsLength, int columnStride, int columnOffset)
    {
        g.Validate(op);
        ThrowHelper.CheckLength(op, "image", imageLength, (long)g.Channels * g.Height * g.Width);
        if (columnStride < g.OutPositions || columnOffset < 0 || columnOffset + g.OutPositions > columnStride)
        {
            ThrowHelper.Argument(op, $"each column-matrix row needs {g.OutPositions} values at offset {columnOffset} within a row stride of {columnStride}.");
        }

        ThrowHelper.CheckLength(op, "columns", columnsLength, ((long)(g.ColumnRows - 1) * columnStride) + columnOffset + g.OutPositions);
    }
}
