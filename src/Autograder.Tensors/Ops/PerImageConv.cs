using System.Buffers;
using System.Numerics;
using Autograder.Kernels;
using Autograder.Kernels.Convolution;
using Autograder.Kernels.Gemm;
using Autograder.Kernels.Operators;

namespace Autograder.Tensors.Ops;

/// <summary>Convolution one image at a time, images in parallel: im2col into a per-thread buffer, then a GEMM straight into the output.</summary>
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

    public static unsafe void Backward<T>(ReadOnlySpan<T> grad, ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> gradInput, Span<T> gradWeight, int n, int f, ConvGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int imageSize = g.Channels * g.Height * g.Width, positions = g.OutPositions, rows = g.ColumnRows, weightSize = f * rows;
        bool needInput = !gradInput.IsEmpty, needWeight = !gradWeight.IsEmpty;
        var groups = Math.Min(n, Groups);
        var partials = needWeight ? new T[groups * weightSize] : [];
        fixed (T* pg = grad, px = x, pw = w, pdx = gradInput, pp = partials)
        {
            nint gAddress = (nint)pg, xAddress = (nint)px, wAddress = (nint)pw, dxAddress = (nint)pdx, pAddress = (nint)pp;
            ParallelWork.For(groups, group =>
            {
                var cols = ArrayPool<T>.Shared.Rent(rows * positions);
                var weights = new ReadOnlySpan<T>((T*)wAddress, weightSize);
                var partial = new Span<T>((T*)pAddress + ((nint)group * weightSize), needWeight ? weightSize : 0);
                int first = (int)((long)n * group / groups), end = (int)((long)n * (group + 1) / groups);
                for (var i = first; i < end; i++)
                {
                    var gi = new ReadOnlySpan<T>((T*)gAddress + ((nint)i * f * positions), f * positions);
                    if (needWeight)
                    {
                        Im2Col.Unfold<T>(new ReadOnlySpan<T>((T*)xAddress + ((nint)i * imageSize), imageSize), g, cols, positions, 0);
                        Gemm.Multiply(false, true, f, rows, positions, T.One, gi, positions, cols, positions, T.One, partial, rows);
                    }

                    if (needInput)
                    {
                        Gemm.Multiply(true, false, rows, positions, f, T.One, weights, rows, gi, positions, T.Zero, cols, positions);
                        Im2Col.Fold<T>(cols, positions, 0, g, new Span<T>((T*)dxAddress + ((nint)i * imageSize), imageSize));
                    }
                }

                ArrayPool<T>.Shared.Return(cols);
            }, totalWork: (long)n * f * positions * rows * ((needWeight ? 1 : 0) + (needInput ? 1 : 0)));
        }

        for (var group = 0; group < groups && needWeight; group++)
        {
            var partial = partials.AsSpan(group * weightSize, weightSize);
            Elementwise.Map<T, AddOperator<T>>(gradWeight, 1, partial, 1, gradWeight);
        }
    }
}
