using System.Buffers;
using System.Numerics;
using Autograder.Kernels;
using Autograder.Kernels.Convolution;
using Autograder.Kernels.Gemm;
using Autograder.Kernels.Operators;

namespace Autograder.Tensors.Ops;

/// <summary>Convolution one image at a time, images in parallel: without a column matrix (<see cref="DirectConv"/>) where vectors are
/// on, otherwise as im2col into a per-thread buffer, then a GEMM straight into the output; the input gradient of a strided
/// convolution is a GEMM and a col2im.</summary>
/// <remarks>
/// For images with many output positions this beats one column matrix for the whole batch: image i's product W'·cols is
/// already Y[i] in (F, OH·OW) order (no permuting copy), the column matrix stays in the core's cache while the GEMM reads it,
/// and the whole layer is one parallel loop instead of several per chunk. The weight gradient is summed over a fixed number of
/// groups of consecutive images, each into its own buffer, then over groups in order, so results never depend on the thread count.
/// </remarks>
internal static class PerImageConv
{
    /// <summary>Output positions per image from which this path beats the batched column matrix (smaller products are too thin to multiply one by one).</summary>
    public const int MinPositions = 64;

    /// <summary>Weight-gradient groups: images are split into at most this many runs of consecutive images.</summary>
    private const int Groups = 8;

    public static unsafe void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> output, int n, int f, ConvGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (DirectConv.Applies(g))
        {
            var packed = ArrayPool<T>.Shared.Rent(DirectConv.PackedWeightsLength<T>(f, g));
            DirectConv.PackWeights(w, f, g, packed);
            Direct(x, g, packed, f, bias, output, n);
            ArrayPool<T>.Shared.Return(packed);
            return;
        }

        int imageSize = g.Channels * g.Height * g.Width, positions = g.OutPositions, rows = g.ColumnRows;
        fixed (T* px = x, pw = w, pb = bias, po = output)
        {
            nint xAddress = (nint)px, wAddress = (nint)pw, bAddress = (nint)pb, oAddress = (nint)po;
            var hasBias = !bias.IsEmpty;
            ParallelWork.For(n, i =>
            {
                var cols = ArrayPool<T>.Shared.Rent(rows * positions);
                var image = new ReadOnlySpan<T>((T*)xAddress + ((nint)i * imageSize), imageSize);
                var y = new Span<T>((T*)oAddress + ((nint)i * f * positions), f * positions);
                Im2Col.Unfold<T>(image, g, cols, positions, 0);
                Gemm.Multiply(false, false, f, positions, rows, T.One, new ReadOnlySpan<T>((T*)wAddress, f * rows), rows, cols, positions, T.Zero, y, positions);
                ArrayPool<T>.Shared.Return(cols);
                if (hasBias)
                {
                    for (var filter = 0; filter < f; filter++)
                    {
                        var row = y.Slice(filter * positions, positions);
                        Elementwise.Map<T, AddOperator<T>>(row, 1, new ReadOnlySpan<T>((T*)bAddress + filter, 1), 0, row);
                    }
                }
            }, totalWork: (long)n * f * positions * rows);
        }
    }

    /// <summary>Runs <see cref="DirectConv.Forward"/> on every image in parallel: (n, C, H, W) → (n, F, OH, OW), each thread with its own scratch.</summary>
    private static unsafe void Direct<T>(ReadOnlySpan<T> x, ConvGeometry g, T[] packed, int f, ReadOnlySpan<T> bias, Span<T> output, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int imageSize = g.Channels * g.Height * g.Width, outSize = f * g.OutPositions, scratchLength = DirectConv.ScratchLength<T>(f, g);
        fixed (T* px = x, pb = bias, po = output)
        {
            nint xAddress = (nint)px, bAddress = (nint)pb, oAddress = (nint)po;
            var biasLength = bias.Length;
            ParallelWork.ForRanges(n, n, (first, end) =>
            {
                var scratch = ArrayPool<T>.Shared.Rent(scratchLength);
                for (var i = first; i < end; i++)
                {
                    DirectConv.Forward<T>(
                        new ReadOnlySpan<T>((T*)xAddress + ((nint)i * imageSize), imageSize), g, packed, f,
                        new ReadOnlySpan<T>((T*)bAddress, biasLength), new Span<T>((T*)oAddress + ((nint)i * outSize), outSize), scratch);
                }

                ArrayPool<T>.Shared.Return(scratch);
            }, totalWork: (long)n * outSize * g.ColumnRows);
        }
    }

    /// <summary>Gradients of one batch: gradInput is overwritten (image by image, while the image is in cache); gradWeight and gradBias are added to.</summary>
    /// <remarks>Each of <see cref="Groups"/> fixed runs of images sums its weight and bias gradients into its own partial, and the
    /// partials are added in group order, so the sums never depend on the thread count. The bias gradient (row sums of G) is taken
    /// here, while each image's G is in cache, rather than by a reduction over the whole batch afterwards.</remarks>
    public static unsafe void Backward<T>(ReadOnlySpan<T> grad, ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> gradInput, Span<T> gradWeight, Span<T> gradBias, int n, int f, ConvGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int imageSize = g.Channels * g.Height * g.Width, positions = g.OutPositions, rows = g.ColumnRows, weightSize = f * rows;
        bool needInput = !gradInput.IsEmpty, needWeight = !gradWeight.IsEmpty, needBias = !gradBias.IsEmpty;
        var groups = Math.Min(n, Groups);
        var direct = needInput && DirectConv.AppliesToInputGradient(g);
        var directWeight = needWeight && DirectConv.Applies(g);

        // The direct weight gradient's partials are in its tiles' layout, summed in it and transposed once at the end.
        var weightPartialSize = !needWeight ? 0 : directWeight ? DirectConv.WeightGradientSumsLength<T>(f, g) : weightSize;
        var partialSize = weightPartialSize + (needBias ? f : 0);
        // Rented, not new: a fresh array of this size (9–19 MB for ResNet-18's 3 × 3 layers) page-faulted in on every call and
        // had made a strided layer's weight gradient 2–3× slower than its arithmetic. Each group clears its own partial.
        var partials = ArrayPool<T>.Shared.Rent(groups * partialSize);
        var gradientGeometry = direct ? DirectConv.InputGradientGeometry(f, g) : g;
        var flipped = direct ? ArrayPool<T>.Shared.Rent(DirectConv.PackedWeightsLength<T>(g.Channels, gradientGeometry)) : null;
        if (flipped is not null)
        {
            DirectConv.PackFlippedWeights(w, f, g, flipped);
        }

        var directScratch = direct ? DirectConv.ScratchLength<T>(g.Channels, gradientGeometry) : 0;
        var weightScratch = directWeight ? DirectConv.WeightGradientScratchLength<T>(f, g) : 0;
        fixed (T* pg = grad, px = x, pw = w, pdx = gradInput, pp = partials)
        {
            nint gAddress = (nint)pg, xAddress = (nint)px, wAddress = (nint)pw, dxAddress = (nint)pdx, pAddress = (nint)pp;
            ParallelWork.For(groups, group =>
            {
                var cols = (needWeight && !directWeight) || (needInput && !direct) ? ArrayPool<T>.Shared.Rent(rows * positions) : [];
                var scratch = direct || directWeight ? ArrayPool<T>.Shared.Rent(Math.Max(directScratch, weightScratch)) : [];
                var weights = new ReadOnlySpan<T>((T*)wAddress, weightSize);
                var partial = new Span<T>((T*)pAddress + ((nint)group * partialSize), partialSize);
                partial.Clear();
                var weightPartial = partial[..weightPartialSize];
                var biasPartial = partial[weightPartial.Length..];
                int first = (int)((long)n * group / groups), end = (int)((long)n * (group + 1) / groups);
                if (directWeight)
                {
                    DirectConv.AccumulateWeightGradientSums<T>(
                        new ReadOnlySpan<T>((T*)xAddress + ((nint)first * imageSize), (end - first) * imageSize),
                        new ReadOnlySpan<T>((T*)gAddress + ((nint)first * f * positions), (end - first) * f * positions),
                        end - first, g, f, weightPartial, scratch.AsSpan(0, weightScratch - weightPartialSize));
                }

                for (var i = first; i < end; i++)
                {
                    var gi = new ReadOnlySpan<T>((T*)gAddress + ((nint)i * f * positions), f * positions);
                    if (needWeight && !directWeight)
                    {
                        Im2Col.Unfold<T>(new ReadOnlySpan<T>((T*)xAddress + ((nint)i * imageSize), imageSize), g, cols, positions, 0);
                        Gemm.Multiply(false, true, f, rows, positions, T.One, gi, positions, cols, positions, T.One, weightPartial, rows);
                    }

                    for (var filter = 0; filter < biasPartial.Length; filter++)
                    {
                        biasPartial[filter] += Reduction.Sum<T>(gi.Slice(filter * positions, positions));
                    }

                    if (direct)
                    {
                        // The input gradient of a stride-1 convolution is a convolution of G with the flipped weights.
                        var dx = new Span<T>((T*)dxAddress + ((nint)i * imageSize), imageSize);
                        DirectConv.Forward<T>(gi, gradientGeometry, flipped, g.Channels, [], dx, scratch);
                    }
                    else if (needInput)
                    {
                        var dx = new Span<T>((T*)dxAddress + ((nint)i * imageSize), imageSize);
                        Gemm.Multiply(true, false, rows, positions, f, T.One, weights, rows, gi, positions, T.Zero, cols, positions);
                        dx.Clear();
                        Im2Col.Fold<T>(cols, positions, 0, g, dx);
                    }
                }

                if (cols.Length > 0)
                {
                    ArrayPool<T>.Shared.Return(cols);
                }

                if (scratch.Length > 0)
                {
                    ArrayPool<T>.Shared.Return(scratch);
                }
            }, totalWork: (long)n * f * positions * rows * ((needWeight ? 1 : 0) + (needInput ? 1 : 0)));
        }

        if (flipped is not null)
        {
            ArrayPool<T>.Shared.Return(flipped);
        }

        for (var group = 0; group < groups; group++)
        {
            var partial = partials.AsSpan(group * partialSize, partialSize);
            if (directWeight && group > 0)
            {
                var first = partials.AsSpan(0, weightPartialSize);
                Elementwise.Map<T, AddOperator<T>>(first, 1, partial[..weightPartialSize], 1, first);
            }
            else if (needWeight && !directWeight)
            {
                Elementwise.Map<T, AddOperator<T>>(gradWeight, 1, partial[..weightSize], 1, gradWeight);
            }

            if (needBias)
            {
                Elementwise.Map<T, AddOperator<T>>(gradBias, 1, partial[^f..], 1, gradBias);
            }
        }

        if (directWeight)
        {
            DirectConv.AddWeightGradientSums<T>(partials.AsSpan(0, weightPartialSize), f, g, gradWeight);
        }

        ArrayPool<T>.Shared.Return(partials);
    }
}
