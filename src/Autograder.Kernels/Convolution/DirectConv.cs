using System.Numerics;

namespace Autograder.Kernels.Convolution;

/// <summary>Convolution of one image without a column matrix (an implicit GEMM), for the forward pass and, with flipped
/// weights, for the input gradient of a stride-1 convolution.</summary>
/// <remarks>
/// The image is copied into a zero-padded buffer of Hp × Wp per channel. Output position (oh, ow) is computed at grid point
/// q = oh·Wp + ow, a grid as wide as the padded image: the input under kernel tap (c, ki, kj) for every q is then the padded
/// image read contiguously from c·Hp·Wp + ki·Wp + kj, so each row of the column matrix is a slice of the image and nothing is
/// unfolded or packed. The Wp − OW grid points past each output row are computed and dropped (a sixth more arithmetic for a
/// 12-wide output of a 3 × 3 kernel), in exchange for no im2col pass and no packed copy of B.
/// A strided convolution runs the same way on the padded image split into its stride phases (space to depth): phase (a, b)
/// holds the padded pixels (sh·i + a, sw·j + b) as a plane of ⌈Hp / sh⌉ × ⌈Wp / sw⌉, the grid is as wide as a phase, and
/// tap (c, ki, kj) reads phase (ki mod sh, kj mod sw) of channel c from row ki / sh, column kj / sw on. Only the phases some
/// tap reads are stored (a 1 × 1 kernel of stride 2 keeps a quarter of the image).
/// The input gradient of a stride-1 convolution is one too: dX = conv(G padded by K − 1 − pad, W flipped in space with filters
/// and channels swapped); <see cref="InputGradientGeometry"/> and <see cref="PackFlippedWeights"/> set it up.
/// Weights are packed for the vector width in use when packed; pack and convolve under the same <see cref="KernelSettings"/>.
/// </remarks>
public static unsafe partial class DirectConv
{
    /// <summary>Whether this path runs <paramref name="geometry"/>'s forward pass and weight gradient: vectors on, and not a
    /// 1 × 1 kernel of stride above 1.</summary>
    /// <remarks>A strided 1 × 1 convolution is a GEMM on every other pixel: each tap is another channel, so no tap shares the
    /// image's cache lines with its neighbours as 3 × 3 taps do, and im2col (a gather) with the packed GEMM was faster
    /// (ResNet-18's 64 → 128 projection, batch 16: 0.9–1.1 against 2.1 ms forward, 2.6–3.1 against 6.5 ms weight gradient).</remarks>
    /// <param name="geometry">The convolution's shape.</param>
    /// <returns>True when <see cref="Forward"/> and <see cref="AccumulateWeightGradient"/> are the faster path.</returns>
    public static bool Applies(in ConvGeometry geometry) =>
        KernelSettings.UseVector256 && (geometry is { StrideHeight: 1, StrideWidth: 1 } || geometry.KernelHeight * geometry.KernelWidth > 1);

    /// <summary>Whether this path can run <paramref name="geometry"/>'s input gradient (<see cref="InputGradientGeometry"/>): stride 1 and vectors on.</summary>
    /// <param name="geometry">The convolution's shape.</param>
    /// <returns>True when the input gradient is a direct convolution with flipped weights.</returns>
    public static bool AppliesToInputGradient(in ConvGeometry geometry) =>
        geometry is { StrideHeight: 1, StrideWidth: 1 } && Applies(geometry);

    /// <summary>The length of packed weights for <paramref name="filters"/> filters over <paramref name="geometry"/>.</summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <param name="filters">Output channels F.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <returns>The number of values.</returns>
    public static int PackedWeightsLength<T>(int filters, in ConvGeometry geometry)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        RoundUp(filters, DirectConvTiles<T>.Rows) * geometry.ColumnRows;

    /// <summary>Packs weights (F, C·KH·KW) into panels of filters interleaved per tap; missing filters of the last panel are zero.</summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <param name="weights">F · C·KH·KW values, row-major.</param>
    /// <param name="filters">Output channels F.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <param name="packed">At least <see cref="PackedWeightsLength"/> values.</param>
    public static void PackWeights<T>(ReadOnlySpan<T> weights, int filters, in ConvGeometry geometry, Span<T> packed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string Op = "DirectConv.PackWeights";
        var depth = geometry.ColumnRows;
        ThrowHelper.CheckLength(Op, nameof(weights), weights.Length, (long)filters * depth);
        ThrowHelper.CheckLength(Op, nameof(packed), packed.Length, PackedWeightsLength<T>(filters, geometry));
        Pack(weights, filters, depth, 1, 0, packed);
    }

    /// <summary>Packs the weights of the input-gradient convolution: W'[c, f, ki, kj] = W[f, c, KH − 1 − ki, KW − 1 − kj], C filters over F channels.</summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <param name="weights">The forward weights, (F, C, KH, KW).</param>
    /// <param name="filters">The forward convolution's output channels F.</param>
    /// <param name="geometry">The forward convolution's shape (stride 1).</param>
    /// <param name="packed">At least <see cref="PackedWeightsLength"/> values for C filters over <see cref="InputGradientGeometry"/>.</param>
    public static void PackFlippedWeights<T>(ReadOnlySpan<T> weights, int filters, in ConvGeometry geometry, Span<T> packed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string Op = "DirectConv.PackFlippedWeights";
        int channels = geometry.Channels, taps = geometry.KernelHeight * geometry.KernelWidth;
        ThrowHelper.CheckLength(Op, nameof(weights), weights.Length, (long)filters * channels * taps);
        ThrowHelper.CheckLength(Op, nameof(packed), packed.Length, PackedWeightsLength<T>(channels, InputGradientGeometry(filters, geometry)));
        Pack(weights, channels, filters * taps, taps, channels, packed);
    }

    /// <summary>Writes panels of Rows filters interleaved per p, in the order they are read. Plain: filter r's value p is
    /// weights[r·depth + p] (<paramref name="channels"/> 0). Flipped (<paramref name="channels"/> C): filter c's value
    /// p = f·taps + t is W[f, c, taps − 1 − t], read from the forward weights (F, C, taps) without an intermediate copy.</summary>
    /// <remarks>Each panel reads Rows nearby streams and writes one; the panels run in parallel for large layers.</remarks>
    private static void Pack<T>(ReadOnlySpan<T> weights, int filters, int depth, int taps, int channels, Span<T> packed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rows = DirectConvTiles<T>.Rows;
        var panels = (filters + rows - 1) / rows;
        nint rowStride = channels == 0 ? depth : taps;
        fixed (T* pw = weights, pp = packed)
        {
            nint wAddress = (nint)pw, pAddress = (nint)pp;
            ParallelWork.For(panels, panel =>
            {
                T* source = (T*)wAddress, destination = (T*)pAddress + ((nint)panel * rows * depth);
                for (var p = 0; p < depth; p++)
                {
                    // Plain: row r, column p. Flipped: forward filter p / taps, channel r, tap taps − 1 − p % taps.
                    var column = channels == 0 ? p : ((p / taps * channels * taps) + (taps - 1 - (p % taps)));
                    for (var i = 0; i < rows; i++, destination++)
                    {
                        var r = (panel * rows) + i;
                        *destination = r < filters ? source[(r * rowStride) + column] : T.Zero;
                    }
                }
            }, totalWork: (long)panels * rows * depth * 4);
        }
    }

    /// <summary>The stride-1 convolution whose output is the input gradient: over G (F, OH, OW), padded by K − 1 − pad.</summary>
    /// <param name="filters">The forward convolution's output channels F.</param>
    /// <param name="geometry">The forward convolution's shape (stride 1).</param>
    /// <returns>The gradient convolution's shape; its output is (C, H, W).</returns>
    public static ConvGeometry InputGradientGeometry(int filters, in ConvGeometry geometry)
    {
        if (geometry.StrideHeight != 1 || geometry.StrideWidth != 1)
        {
            ThrowHelper.Argument("DirectConv.InputGradientGeometry", $"the input gradient is a direct convolution only at stride 1; got stride ({geometry.StrideHeight}, {geometry.StrideWidth}).");
        }

        return new(filters, geometry.OutHeight, geometry.OutWidth, geometry.KernelHeight, geometry.KernelWidth, 1, 1,
            geometry.KernelHeight - 1 - geometry.PadHeight, geometry.KernelWidth - 1 - geometry.PadWidth);
    }

    /// <summary>The scratch one <see cref="Forward"/> call needs: the padded image and the output grid.</summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <param name="filters">Output channels F.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <returns>The number of values.</returns>
    public static int ScratchLength<T>(int filters, in ConvGeometry geometry)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (imageLength, gridLength, _) = Layout<T>(filters, geometry);
        return imageLength + gridLength;
    }

    /// <summary>Convolves one (C, H, W) image: output (F, OH, OW) = W ⋆ image + bias.</summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <param name="image">C·H·W values.</param>
    /// <param name="geometry">The convolution's shape.</param>
    /// <param name="packedWeights">From <see cref="PackWeights"/> (or <see cref="PackFlippedWeights"/>).</param>
    /// <param name="filters">Output channels F.</param>
    /// <param name="bias">F values, or empty for none.</param>
    /// <param name="output">F·OH·OW values, overwritten.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> values; its contents are not kept.</param>
    public static void Forward<T>(ReadOnlySpan<T> image, in ConvGeometry geometry, ReadOnlySpan<T> packedWeights, int filters, ReadOnlySpan<T> bias, Span<T> output, Span<T> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string Op = "DirectConv.Forward";
        var g = geometry;
        Check(g, Op);

        var (imageLength, gridLength, tiles) = Layout<T>(filters, g);
        ThrowHelper.CheckLength(Op, nameof(image), image.Length, (long)g.Channels * g.Height * g.Width);
        ThrowHelper.CheckLength(Op, nameof(packedWeights), packedWeights.Length, PackedWeightsLength<T>(filters, g));
        ThrowHelper.CheckLength(Op, nameof(output), output.Length, (long)filters * g.OutPositions);
        ThrowHelper.CheckLength(Op, nameof(scratch), scratch.Length, (long)imageLength + gridLength);
        if (!bias.IsEmpty)
        {
            ThrowHelper.CheckLength(Op, nameof(bias), bias.Length, filters);
        }

        var depth = g.ColumnRows;
        var offsets = depth <= 1024 ? stackalloc int[depth] : new int[depth];
        TapOffsets(g, offsets);

        fixed (T* px = image, pa = packedWeights, po = output, ps = scratch)
        fixed (int* pOffsets = offsets)
        {
            Pad(px, g, ps, imageLength);
            var rows = DirectConvTiles<T>.Rows;
            var grid = ps + imageLength;
            DirectConvTiles<T>.Run(ps, pOffsets, depth, pa, (filters + rows - 1) / rows, grid, tiles);
            Compact(grid, (nint)tiles * DirectConvTiles<T>.Columns, GridWidth(g), g.OutHeight, g.OutWidth, filters, bias, po);
        }
    }

    /// <summary>Validates the geometry and refuses to run without vector instructions (any shape runs correctly with them).</summary>
    private static void Check(in ConvGeometry g, string op)
    {
        g.Validate(op);
        if (!KernelSettings.UseVector256)
        {
            ThrowHelper.Argument(op, "needs vector instructions (KernelSettings.UseVector256); use im2col and a GEMM without them.");
        }
    }

    /// <summary>The phases stored along the height and the width: those some tap reads (min(stride, kernel)).</summary>
    private static (int Rows, int Columns) Phases(in ConvGeometry g) =>
        (Math.Min(g.StrideHeight, g.KernelHeight), Math.Min(g.StrideWidth, g.KernelWidth));

    /// <summary>The height of one phase plane: ⌈Hp / sh⌉ (the padded height at stride 1).</summary>
    private static int PhaseHeight(in ConvGeometry g) => (g.Height + (2 * g.PadHeight) + g.StrideHeight - 1) / g.StrideHeight;

    /// <summary>The width of the grid and of one phase plane: ⌈Wp / sw⌉ (the padded width at stride 1).</summary>
    private static int GridWidth(in ConvGeometry g) => (g.Width + (2 * g.PadWidth) + g.StrideWidth - 1) / g.StrideWidth;

    /// <summary>Where each tap's slice starts in the phase buffer: p = (c·KH + ki)·KW + kj starts in phase (ki mod sh, kj mod sw)
    /// of channel c, at row ki / sh, column kj / sw (at stride 1: c·Hp·Wp + ki·Wp + kj).</summary>
    private static void TapOffsets(in ConvGeometry g, Span<int> offsets)
    {
        int width = GridWidth(g), plane = PhaseHeight(g) * width, taps = g.KernelHeight * g.KernelWidth;
        var phaseColumns = Phases(g).Columns;
        for (var p = 0; p < offsets.Length; p++)
        {
            int c = p / taps, ki = p % taps / g.KernelWidth, kj = p % g.KernelWidth;
            var phase = ((ki % g.StrideHeight) * phaseColumns) + (kj % g.StrideWidth);
            offsets[p] = (((phase * g.Channels) + c) * plane) + (ki / g.StrideHeight * width) + (kj / g.StrideWidth);
        }
    }

    /// <summary>The grid points: output rows at the grid's width, the last one cut at OW.</summary>
    private static int GridPoints(in ConvGeometry g) => ((g.OutHeight - 1) * GridWidth(g)) + g.OutWidth;

    /// <summary>Scratch sizes: the phase buffer plus a tile of slack (the last tile reads past the last grid point), and the grid.</summary>
    private static (int ImageLength, int GridLength, int Tiles) Layout<T>(int filters, in ConvGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (phaseRows, phaseColumns) = Phases(g);
        int columns = DirectConvTiles<T>.Columns, rows = DirectConvTiles<T>.Rows;
        var tiles = (GridPoints(g) + columns - 1) / columns;
        var buffer = phaseRows * phaseColumns * g.Channels * PhaseHeight(g) * GridWidth(g);
        return (buffer + columns, RoundUp(filters, rows) * tiles * columns, tiles);
    }

    /// <summary>Copies the image into the zero-padded phase buffer (and zeroes the slack after it).</summary>
    private static void Pad<T>(T* image, in ConvGeometry g, T* padded, int paddedLength)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int height = g.Height, width = g.Width;
        var imageLength = g.Channels * height * width;
        if (g is { PadHeight: 0, PadWidth: 0, StrideHeight: 1, StrideWidth: 1 })
        {
            new ReadOnlySpan<T>(image, imageLength).CopyTo(new Span<T>(padded, imageLength));
            new Span<T>(padded + imageLength, paddedLength - imageLength).Clear();
            return;
        }

        new Span<T>(padded, paddedLength).Clear();
        int gridWidth = GridWidth(g), plane = PhaseHeight(g) * gridWidth;
        if (g is { StrideHeight: 1, StrideWidth: 1 })
        {
            for (var c = 0; c < g.Channels; c++)
            {
                var destination = padded + ((nint)c * plane) + (g.PadHeight * gridWidth) + g.PadWidth;
                var source = image + ((nint)c * height * width);
                for (var row = 0; row < height; row++, destination += gridWidth, source += width)
                {
                    SmallRows.Copy(source, destination, width);
                }
            }

            return;
        }

        // Strided: padded pixel (r, s) goes to phase (r mod sh, s mod sw) at (r / sh, s / sw); phases no tap reads are skipped.
        var (phaseRows, phaseColumns) = Phases(g);
        for (var c = 0; c < g.Channels; c++)
        {
            var source = image + ((nint)c * height * width);
            for (var row = 0; row < height; row++, source += width)
            {
                int r = row + g.PadHeight, a = r % g.StrideHeight;
                if (a >= phaseRows)
                {
                    continue;
                }

                for (var b = 0; b < phaseColumns; b++)
                {
                    // The first column s = col + pw with s mod sw = b, then every sw-th one.
                    var first = ((((b - g.PadWidth) % g.StrideWidth) + g.StrideWidth) % g.StrideWidth);
                    var destination = padded + ((nint)(((((a * phaseColumns) + b) * g.Channels) + c) * plane)) + ((r / g.StrideHeight) * gridWidth) + ((first + g.PadWidth) / g.StrideWidth);
                    for (var col = first; col < width; col += g.StrideWidth, destination++)
                    {
                        *destination = source[col];
                    }
                }
            }
        }
    }

    /// <summary>Keeps the OW valid points of every grid row, adding the filter's bias.</summary>
    private static void Compact<T>(T* grid, nint gridStride, int gridWidth, int outHeight, int outWidth, int filters, ReadOnlySpan<T> bias, T* output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var f = 0; f < filters; f++)
        {
            var value = bias.IsEmpty ? T.Zero : bias[f];
            var source = grid + (f * gridStride);
            var destination = output + ((nint)f * outHeight * outWidth);
            for (var row = 0; row < outHeight; row++, source += gridWidth, destination += outWidth)
            {
                SmallRows.CopyPlus(source, value, destination, outWidth);
            }
        }
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;
}
