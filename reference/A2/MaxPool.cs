using Autograder.Tensors;

namespace Homework.A2;

/// <summary>Max-pooling from scratch (float64, no autograd) with a square window and a stride.</summary>
/// <remarks>
/// Output size: (H − size) / stride + 1 by (W − size) / stride + 1 (integer division; windows that do not fit are dropped).
/// Ties: the gradient of a window goes to its first maximum in row-major order, as in the assignment's definition.
/// </remarks>
public static class MaxPool
{
    /// <summary>Max-pooling's forward pass.</summary>
    /// <param name="x">Inputs, (N, C, H, W).</param>
    /// <param name="size">The window's height and width.</param>
    /// <param name="stride">The step between windows.</param>
    /// <returns>The maxima, (N, C, H', W'), and the cache for <see cref="Backward"/>.</returns>
    public static (Tensor Out, MaxPoolCache Cache) Forward(Tensor x, int size, int stride)
    {
        // BEGIN SOLUTION (hint: for every window, the largest value)
        ArgumentNullException.ThrowIfNull(x);
        var (output, _) = Windows(x, size, stride);
        return (output, new MaxPoolCache(x, size, stride));
        // END SOLUTION
    }

    /// <summary>Max-pooling's backward pass: each window's upstream gradient goes to the position of its (first) maximum.</summary>
    /// <param name="dout">Upstream gradient, (N, C, H', W').</param>
    /// <param name="cache">The cache from <see cref="Forward"/>.</param>
    /// <returns>dX, (N, C, H, W): zero except at each window's first maximum.</returns>
    public static Tensor Backward(Tensor dout, MaxPoolCache cache)
    {
        // BEGIN SOLUTION (hint: find each window's first maximum again; add (not assign) dout there, windows may overlap)
        ArgumentNullException.ThrowIfNull(dout);
        ArgumentNullException.ThrowIfNull(cache);
        var (x, size, stride) = (cache.X, cache.Size, cache.Stride);
        var (_, winner) = Windows(x, size, stride);
        var dx = Tensor.ZerosLike(x);
        var zero = Tensor.Scalar(0.0, DType.Float64);
        for (var offset = 0; offset < size * size; offset++)
        {
            Window(dx, offset / size, offset % size, stride, dout.Shape[2], dout.Shape[3]).Add_(Tensor.Where(winner.Eq(offset), dout, zero));
        }

        return dx;
        // END SOLUTION
    }

    // BEGIN SOLUTION REMOVE

    /// <summary>
    /// The maxima of all windows, (N, C, H', W'), and for each window the offset a·size + b of its first maximum.
    /// Loops over the size² offsets within a window; each step handles every window at once.
    /// </summary>
    private static (Tensor Maxima, Tensor Winner) Windows(Tensor x, int size, int stride)
    {
        var (outH, outW) = (((x.Shape[2] - size) / stride) + 1, ((x.Shape[3] - size) / stride) + 1);
        var maxima = Window(x, 0, 0, stride, outH, outW);
        var winner = Tensor.ZerosLike(maxima);
        for (var offset = 1; offset < size * size; offset++)
        {
            var candidate = Window(x, offset / size, offset % size, stride, outH, outW);
            var better = candidate.Gt(maxima); // strictly: a tie keeps the earlier (first) maximum
            maxima = Tensor.Where(better, candidate, maxima);
            winner = Tensor.Where(better, Tensor.Scalar(offset, DType.Float64), winner);
        }

        return (maxima.Clone(), winner);
    }

    /// <summary>The (N, C, H', W') view of the element at offset (a, b) of every window.</summary>
    private static Tensor Window(Tensor x, int a, int b, int stride, int outH, int outW) =>
        x.Slice(2, a, a + (stride * (outH - 1)) + 1, stride).Slice(3, b, b + (stride * (outW - 1)) + 1, stride);

    // END SOLUTION
}
