using System.Numerics;

namespace Autograder.Kernels.Convolution;

/// <summary>Unfolds an image into the column matrix of a convolution (im2col) and folds gradients back (col2im).</summary>
/// <remarks>
/// Column-matrix row r = (c·KH + ki)·KW + kj holds, for every output position p = oh·OW + ow, the input
/// value X[c, oh·sh − ph + ki, ow·sw − pw + kj] (zero outside the image). Rows sit
/// <c>columnStride</c> apart, so several images can share one matrix side by side (offset by
/// <c>columnOffset</c>) and be multiplied with one GEMM.
/// </remarks>
public static class Im2Col
{
    /// <summary>Writes the column matrix of one (C, H, W) image.</summary>
    /// <param name="image">The image, C·H·W values.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <param name="columns">The column matrix.</param>
    /// <param name="columnStride">Distance between consecutive rows of <paramref name="columns"/>.</param>
    /// <param name="columnOffset">Where this image's first column starts in each row.</param>
    public static void Unfold<T>(ReadOnlySpan<T> image, in ConvGeometry geometry, Span<T> columns, int columnStride, int columnOffset)
        where T : INumber<T>
    {
        const string Op = "Im2Col.Unfold";
        var g = geometry;
        Check(Op, g, image.Length, columns.Length, columnStride, columnOffset);
        int oh = g.OutHeight, ow = g.OutWidth;
        for (var c = 0; c < g.Channels; c++)
        {
            var plane = image.Slice(c * g.Height * g.Width, g.Height * g.Width);
            for (var ki = 0; ki < g.KernelHeight; ki++)
            {
                for (var kj = 0; kj < g.KernelWidth; kj++)
                {
                    var r = (((c * g.KernelHeight) + ki) * g.KernelWidth) + kj;
                    var row = columns.Slice((r * columnStride) + columnOffset, oh * ow);
                    var (first, end) = ValidRange(ow, g.StrideWidth, kj - g.PadWidth, g.Width);
                    for (var y = 0; y < oh; y++)
                    {
                        var ih = (y * g.StrideHeight) - g.PadHeight + ki;
                        var dst = row.Slice(y * ow, ow);
                        if ((uint)ih >= (uint)g.Height || first >= end)
                        {
                            dst.Clear();
                            continue;
                        }

                        dst[..first].Clear();
                        dst[end..].Clear();
                        var src = plane.Slice(ih * g.Width, g.Width);
                        var iw = (first * g.StrideWidth) + kj - g.PadWidth;
                        if (g.StrideWidth == 1)
                        {
                            src.Slice(iw, end - first).CopyTo(dst[first..end]);
                        }
                        else
                        {
                            for (var x = first; x < end; x++, iw += g.StrideWidth)
                            {
                                dst[x] = src[iw];
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
    public static void Fold<T>(ReadOnlySpan<T> columns, int columnStride, int columnOffset, in ConvGeometry geometry, Span<T> image)
        where T : INumber<T>
    {
        const string Op = "Im2Col.Fold";
        var g = geometry;
        Check(Op, g, image.Length, columns.Length, columnStride, columnOffset);
        int oh = g.OutHeight, ow = g.OutWidth;
        for (var c = 0; c < g.Channels; c++)
        {
            var plane = image.Slice(c * g.Height * g.Width, g.Height * g.Width);
            for (var ki = 0; ki < g.KernelHeight; ki++)
            {
                for (var kj = 0; kj < g.KernelWidth; kj++)
                {
                    var r = (((c * g.KernelHeight) + ki) * g.KernelWidth) + kj;
                    var row = columns.Slice((r * columnStride) + columnOffset, oh * ow);
                    var (first, end) = ValidRange(ow, g.StrideWidth, kj - g.PadWidth, g.Width);
                    for (var y = 0; y < oh; y++)
                    {
                        var ih = (y * g.StrideHeight) - g.PadHeight + ki;
                        if ((uint)ih >= (uint)g.Height || first >= end)
                        {
                            continue;
                        }

                        var src = row.Slice(y * ow, ow);
                        var dst = plane.Slice(ih * g.Width, g.Width);
                        var iw = (first * g.StrideWidth) + kj - g.PadWidth;
                        if (g.StrideWidth == 1)
                        {
                            var d = dst.Slice(iw, end - first);
                            Elementwise.Map<T, Operators.AddOperator<T>>(d, 1, src[first..end], 1, d);
                        }
                        else
                        {
                            for (var x = first; x < end; x++, iw += g.StrideWidth)
                            {
                                dst[iw] += src[x];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Writes the column matrix of a batch of images side by side: image i fills columns [i·OH·OW, (i+1)·OH·OW) of every row.</summary>
    /// <param name="images">count × C × H × W values.</param>
    /// <param name="count">The number of images N.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <param name="columns">The (C·KH·KW) × (N·OH·OW) column matrix.</param>
    public static unsafe void UnfoldBatch<T>(ReadOnlySpan<T> images, int count, in ConvGeometry geometry, Span<T> columns)
        where T : unmanaged, INumber<T>
    {
        var g = geometry;
        int imageSize = g.Channels * g.Height * g.Width, stride = count * g.OutPositions;
        ThrowHelper.CheckLength("Im2Col.UnfoldBatch", "images", images.Length, (long)count * imageSize);
        ThrowHelper.CheckLength("Im2Col.UnfoldBatch", "columns", columns.Length, (long)g.ColumnRows * stride);
        fixed (T* pi = images, pc = columns)
        {
            nint imagesAddress = (nint)pi, columnsAddress = (nint)pc;
            var length = columns.Length;
            ParallelWork.For(count, i => Unfold(
                new ReadOnlySpan<T>((T*)imagesAddress + ((nint)i * imageSize), imageSize), g,
                new Span<T>((T*)columnsAddress, length), stride, i * g.OutPositions), totalWork: length);
        }
    }

    /// <summary>Adds a batch column matrix (as written by <see cref="UnfoldBatch"/>) back into count image gradients.</summary>
    /// <param name="columns">The (C·KH·KW) × (N·OH·OW) column-matrix gradient.</param>
    /// <param name="count">The number of images N.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <param name="images">count × C × H × W values, accumulated into.</param>
    public static unsafe void FoldBatch<T>(ReadOnlySpan<T> columns, int count, in ConvGeometry geometry, Span<T> images)
        where T : unmanaged, INumber<T>
    {
        var g = geometry;
        int imageSize = g.Channels * g.Height * g.Width, stride = count * g.OutPositions;
        ThrowHelper.CheckLength("Im2Col.FoldBatch", "images", images.Length, (long)count * imageSize);
        ThrowHelper.CheckLength("Im2Col.FoldBatch", "columns", columns.Length, (long)g.ColumnRows * stride);
        fixed (T* pi = images, pc = columns)
        {
            nint imagesAddress = (nint)pi, columnsAddress = (nint)pc;
            var length = columns.Length;
            ParallelWork.For(count, i => Fold(
                new ReadOnlySpan<T>((T*)columnsAddress, length), stride, i * g.OutPositions, g,
                new Span<T>((T*)imagesAddress + ((nint)i * imageSize), imageSize)), totalWork: length);
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
