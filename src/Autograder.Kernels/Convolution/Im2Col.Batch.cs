using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Autograder.Kernels.Convolution;

/// <summary>im2col and col2im for a batch of small images side by side, as gathers from (and adds into) zero-padded planes.</summary>
public static partial class Im2Col
{
    /// <summary>Runs of channels <see cref="FoldBatch"/> splits its work into (a fixed number, so the split never depends on threads).</summary>
    private const int FoldTasks = 8;

    /// <summary>Writes the column matrix of a batch of images side by side: image i fills columns [i·OH·OW, (i+1)·OH·OW) of every row.</summary>
    /// <remarks>
    /// This path serves small images (fewer than 64 output positions), whose rows are a handful of values: copying them one
    /// output row at a time cost more in calls and clears than in data (ResNet-18's 7 × 7 layers of 512 channels: 7.5–8 ms
    /// per batch of 16, half the GEMM that follows). Instead the batch is copied once into zero-padded planes, and every row of
    /// the column matrix is a gather from them: position j of tap (c, ki, kj) reads base[j] + c·Hp·Wp + ki·Wp + kj, with
    /// base[j] the position's top-left corner (image, oh·sh, ow·sw), the same for every tap.
    /// </remarks>
    /// <param name="images">count × C × H × W values.</param>
    /// <param name="count">The number of images N.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <param name="columns">The (C·KH·KW) × (N·OH·OW) column matrix.</param>
    public static unsafe void UnfoldBatch<T>(ReadOnlySpan<T> images, int count, in ConvGeometry geometry, Span<T> columns)
        where T : unmanaged, INumber<T>
    {
        var g = geometry;
        var (imageSize, stride, paddedWidth, plane, paddedSize) = Prepare("Im2Col.UnfoldBatch", images.Length, columns.Length, count, g);
        var padded = ArrayPool<T>.Shared.Rent(count * paddedSize);
        var bases = ArrayPool<int>.Shared.Rent(stride);
        PositionBases(g, count, paddedSize, bases);

        fixed (T* pi = images, pc = columns, pp = padded)
        fixed (int* pb = bases)
        {
            nint imagesAddress = (nint)pi, columnsAddress = (nint)pc, paddedAddress = (nint)pp, basesAddress = (nint)pb;
            ParallelWork.For(count, i => PadImage((T*)imagesAddress + ((nint)i * imageSize), g, (T*)paddedAddress + ((nint)i * paddedSize)), totalWork: (long)count * paddedSize);
            var taps = g.KernelHeight * g.KernelWidth;
            ParallelWork.For(g.ColumnRows, r =>
            {
                int c = r / taps, ki = r % taps / g.KernelWidth, kj = r % g.KernelWidth;
                var offset = (c * plane) + (ki * paddedWidth) + kj;
                GatherRow((T*)paddedAddress + offset, (int*)basesAddress, (T*)columnsAddress + ((nint)r * stride), stride);
            }, totalWork: (long)g.ColumnRows * stride);
        }

        ArrayPool<int>.Shared.Return(bases);
        ArrayPool<T>.Shared.Return(padded);
    }

    /// <summary>Copies one (C, H, W) image into zero-padded (C, H + 2·ph, W + 2·pw) planes.</summary>
    private static unsafe void PadImage<T>(T* image, in ConvGeometry g, T* padded)
        where T : unmanaged, INumber<T>
    {
        int paddedWidth = g.Width + (2 * g.PadWidth), plane = (g.Height + (2 * g.PadHeight)) * paddedWidth;
        new Span<T>(padded, g.Channels * plane).Clear();
        for (var c = 0; c < g.Channels; c++)
        {
            var destination = padded + ((nint)c * plane) + (g.PadHeight * paddedWidth) + g.PadWidth;
            var source = image + ((nint)c * g.Height * g.Width);
            for (var row = 0; row < g.Height; row++, destination += paddedWidth, source += g.Width)
            {
                SmallRows.Copy(source, destination, g.Width);
            }
        }
    }

    /// <summary>row[j] = source[bases[j]] for j &lt; length: eight at a time with AVX2's gather for float32.</summary>
    private static unsafe void GatherRow<T>(T* source, int* bases, T* row, int length)
        where T : unmanaged, INumber<T>
    {
        var j = 0;
        if (typeof(T) == typeof(float) && KernelSettings.UseVector256 && Avx2.IsSupported)
        {
            var from = (float*)source;
            var to = (float*)row;
            for (; j <= length - 8; j += 8)
            {
                var index = Avx.LoadVector256(bases + j);
                Avx.Store(to + j, Avx2.GatherVector256(from, index, 4));
            }
        }

        for (; j < length; j++)
        {
            row[j] = source[bases[j]];
        }
    }

    /// <summary>Adds a batch column matrix (as written by <see cref="UnfoldBatch"/>) back into count image gradients.</summary>
    /// <remarks>The adjoint of <see cref="UnfoldBatch"/>'s gather: every row is added into zero-padded planes through the same
    /// position bases, channels in parallel (a channel's taps are its only writers, in tap order), and the planes' interiors are
    /// added to the images at the end (the 7 × 7 × 512 layer's col2im 8 → 3.5 ms against folding 7-value rows one by one).</remarks>
    /// <param name="columns">The (C·KH·KW) × (N·OH·OW) column-matrix gradient.</param>
    /// <param name="count">The number of images N.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <param name="images">count × C × H × W values, accumulated into.</param>
    public static unsafe void FoldBatch<T>(ReadOnlySpan<T> columns, int count, in ConvGeometry geometry, Span<T> images)
        where T : unmanaged, INumber<T>
    {
        var g = geometry;
        var (imageSize, stride, paddedWidth, plane, paddedSize) = Prepare("Im2Col.FoldBatch", images.Length, columns.Length, count, g);
        var padded = ArrayPool<T>.Shared.Rent(count * paddedSize);
        var bases = ArrayPool<int>.Shared.Rent(stride);
        PositionBases(g, count, paddedSize, bases);
        fixed (T* pi = images, pc = columns, pp = padded)
        fixed (int* pb = bases)
        {
            nint imagesAddress = (nint)pi, columnsAddress = (nint)pc, paddedAddress = (nint)pp, basesAddress = (nint)pb;
            var taps = g.KernelHeight * g.KernelWidth;
            // Contiguous runs of channels per task: planes of neighbouring channels share cache lines, and handing single
            // channels to alternating threads made two threads 3.5× slower than one (8.7 against 2.5 ms).
            ParallelWork.ForRanges(g.Channels, FoldTasks, (first, end) =>
            {
                for (var c = first; c < end; c++)
                {
                    var planes = (T*)paddedAddress + ((nint)c * plane);
                    for (var i = 0; i < count; i++)
                    {
                        new Span<T>(planes + ((nint)i * paddedSize), plane).Clear();
                    }

                    for (var tap = 0; tap < taps; tap++)
                    {
                        var target = planes + ((tap / g.KernelWidth) * paddedWidth) + (tap % g.KernelWidth);
                        var row = (T*)columnsAddress + ((nint)((c * taps) + tap) * stride);
                        var at = (int*)basesAddress;
                        for (var j = 0; j < stride; j++)
                        {
                            target[at[j]] += row[j];
                        }
                    }
                }
            }, totalWork: (long)g.ColumnRows * stride);
            ParallelWork.For(count, i => AddInterior((T*)paddedAddress + ((nint)i * paddedSize), g, (T*)imagesAddress + ((nint)i * imageSize)), totalWork: (long)count * imageSize);
        }

        ArrayPool<int>.Shared.Return(bases);
        ArrayPool<T>.Shared.Return(padded);
    }

    /// <summary>Checks a batch's lengths and geometry; returns an image's size, the column matrix's row length and the padded planes' sizes.</summary>
    private static (int ImageSize, int Stride, int PaddedWidth, int Plane, int PaddedSize) Prepare(string op, int imagesLength, int columnsLength, int count, in ConvGeometry g)
    {
        int imageSize = g.Channels * g.Height * g.Width, stride = count * g.OutPositions;
        ThrowHelper.CheckLength(op, "images", imagesLength, (long)count * imageSize);
        ThrowHelper.CheckLength(op, "columns", columnsLength, (long)g.ColumnRows * stride);
        g.Validate(op);
        int paddedWidth = g.Width + (2 * g.PadWidth), plane = (g.Height + (2 * g.PadHeight)) * paddedWidth;
        return (imageSize, stride, paddedWidth, plane, g.Channels * plane);
    }

    /// <summary>Where each of count images' output positions has its window's top-left corner in zero-padded planes:
    /// image · paddedSize + oh·sh·Wp + ow·sw.</summary>
    private static void PositionBases(in ConvGeometry g, int count, int paddedSize, int[] bases)
    {
        var paddedWidth = g.Width + (2 * g.PadWidth);
        for (var j = 0; j < count * g.OutPositions; j++)
        {
            int image = j / g.OutPositions, position = j % g.OutPositions;
            bases[j] = (image * paddedSize) + (position / g.OutWidth * g.StrideHeight * paddedWidth) + (position % g.OutWidth * g.StrideWidth);
        }
    }

    /// <summary>Adds the interior of zero-padded (C, H + 2·ph, W + 2·pw) planes to one (C, H, W) image.</summary>
    private static unsafe void AddInterior<T>(T* padded, in ConvGeometry g, T* image)
        where T : unmanaged, INumber<T>
    {
        int paddedWidth = g.Width + (2 * g.PadWidth), plane = (g.Height + (2 * g.PadHeight)) * paddedWidth;
        for (var c = 0; c < g.Channels; c++)
        {
            var source = padded + ((nint)c * plane) + (g.PadHeight * paddedWidth) + g.PadWidth;
            var destination = image + ((nint)c * g.Height * g.Width);
            for (var row = 0; row < g.Height; row++, source += paddedWidth, destination += g.Width)
            {
                SmallRows.Add(source, destination, g.Width);
            }
        }
    }
}
