using Autograder.Tensors;

namespace Homework.A2;

/// <summary>The convolution layer in its general form (float64, no autograd): zero padding P on each side, stride S.</summary>
/// <remarks>
/// Y[n,f,i,j] = b[f] + Σ_{c,a,b} Xp[n,c,S·i + a,S·j + b] · K[f,c,a,b], where Xp is X padded with P zeros on every side
/// (filtering, as in <see cref="ConvLayer"/>: with S = 1 and P = 0 the two layers agree).
/// Output size: H' = (H + 2P − h) / S + 1 and W' = (W + 2P − w) / S + 1 (integer division; rows and columns that do not
/// fill a window are dropped).
/// </remarks>
public static class StridedConv
{
    /// <summary>The layer's forward pass.</summary>
    /// <param name="x">Inputs, (N, C, H, W).</param>
    /// <param name="k">Kernels, (F, C, h, w).</param>
    /// <param name="b">Biases, (F).</param>
    /// <param name="stride">S, the step between windows (at least 1).</param>
    /// <param name="padding">P, the zeros added on each side of the height and width (at least 0).</param>
    /// <returns>Y, (N, F, H', W'), and the cache for <see cref="Backward"/>.</returns>
    public static (Tensor Out, StridedConvCache Cache) Forward(Tensor x, Tensor k, Tensor b, int stride, int padding)
    {
        // BEGIN SOLUTION (hint: pad X with Tensor.Pad; gather every window into one row ("im2col"), then one MatMul with K reshaped to (F, C·h·w))
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(b);
        var (n, f) = (x.Shape[0], k.Shape[0]);
        var (outH, outW) = OutputSize(x, k, stride, padding);
        var columns = Im2Col(x.Pad([padding, padding, padding, padding]), k, stride, outH, outW);
        var rows = columns.MatMul(k.Reshape(f, -1).T) + b;
        return (rows.Reshape(n, outH, outW, f).Permute(0, 3, 1, 2).Clone(), new StridedConvCache(x, k, stride, padding));
        // END SOLUTION
    }

    /// <summary>The layer's backward pass.</summary>
    /// <param name="dout">dY, (N, F, H', W').</param>
    /// <param name="cache">The cache from <see cref="Forward"/>.</param>
    /// <returns>dX (N, C, H, W), dK (F, C, h, w) and db (F).</returns>
    public static (Tensor Dx, Tensor Dk, Tensor Db) Backward(Tensor dout, StridedConvCache cache)
    {
        // BEGIN SOLUTION (hint: every input pixel gets the gradient of every window it fell in, times the kernel weight it met there; padding's gradient is dropped)
        ArgumentNullException.ThrowIfNull(dout);
        ArgumentNullException.ThrowIfNull(cache);
        var (x, k, stride, padding) = (cache.X, cache.K, cache.Stride, cache.Padding);
        var (n, c, h, w) = (x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3]);
        var (f, kh, kw) = (k.Shape[0], k.Shape[2], k.Shape[3]);
        var (outH, outW) = (dout.Shape[2], dout.Shape[3]);
        var padded = x.Pad([padding, padding, padding, padding]);
        var rows = dout.Permute(0, 2, 3, 1).Reshape(-1, f);
        var dk = rows.T.MatMul(Im2Col(padded, k, stride, outH, outW)).Reshape(f, c, kh, kw);

        // col2im: each column of dColumns goes back to the pixels its window offset read; overlapping windows add.
        var dcolumns = rows.MatMul(k.Reshape(f, -1)).Reshape(n, outH, outW, c, kh * kw).Permute(0, 3, 1, 2, 4);
        var dpadded = Tensor.ZerosLike(padded);
        for (var a = 0; a < kh; a++)
        {
            for (var bb = 0; bb < kw; bb++)
            {
                Window(dpadded, a, bb, stride, outH, outW).Add_(dcolumns.Select(4, (a * kw) + bb));
            }
        }

        var dx = dpadded.Narrow(2, padding, h).Narrow(3, padding, w).Clone();
        return (dx, dk, dout.Sum([0, 2, 3]));
        // END SOLUTION
    }

    // BEGIN SOLUTION REMOVE

    /// <summary>H' and W', with a clear error where the kernel does not fit the padded input.</summary>
    private static (int Height, int Width) OutputSize(Tensor x, Tensor k, int stride, int padding)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        var (h, w, kh, kw) = (x.Shape[2], x.Shape[3], k.Shape[2], k.Shape[3]);
        if (h + (2 * padding) < kh || w + (2 * padding) < kw)
        {
            throw new ArgumentException($"A {kh}×{kw} kernel does not fit a {h}×{w} input padded by {padding}.", nameof(k));
        }

        return (((h + (2 * padding) - kh) / stride) + 1, ((w + (2 * padding) - kw) / stride) + 1);
    }

    /// <summary>The (N·H'·W', C·h·w) matrix whose rows are the windows, ordered (c, a, b) like K's flattened rows.</summary>
    private static Tensor Im2Col(Tensor padded, Tensor k, int stride, int outH, int outW)
    {
        var (kh, kw) = (k.Shape[2], k.Shape[3]);
        var offsets = new List<Tensor>(kh * kw);
        for (var a = 0; a < kh; a++)
        {
            for (var bb = 0; bb < kw; bb++)
            {
                offsets.Add(Window(padded, a, bb, stride, outH, outW));
            }
        }

        // (N, C, H', W', h·w) → (N, H', W', C, h·w): one row per window.
        return Tensor.Stack(offsets, 4).Permute(0, 2, 3, 1, 4).Reshape(padded.Shape[0] * outH * outW, -1);
    }

    /// <summary>The (N, C, H', W') view of the pixels that kernel offset (a, b) meets in every window.</summary>
    private static Tensor Window(Tensor padded, int a, int b, int stride, int outH, int outW) =>
        padded.Slice(2, a, a + (stride * (outH - 1)) + 1, stride).Slice(3, b, b + (stride * (outW - 1)) + 1, stride);

    // END SOLUTION
}
