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
        var (_, argmax) = Windows(cache.X, cache.Size, cache.Stride);
        var upstream = dout.ToArray<double>();
        var dx = new double[cache.X.Shape.ToArray().Aggregate(1, (p, d) => p * d)];
        for (var i = 0; i < argmax.Length; i++)
        {
            dx[argmax[i]] += upstream[i];
        }

        return Tensor.FromArray(dx, [.. cache.X.Shape.ToArray()]);
        // END SOLUTION
    }

    // BEGIN SOLUTION REMOVE

    /// <summary>The maxima of all windows and the flat index (into x) of each window's first maximum.</summary>
    private static (Tensor Maxima, int[] ArgMax) Windows(Tensor x, int size, int stride)
    {
        var (n, c, h, w) = (x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3]);
        var (outH, outW) = (((h - size) / stride) + 1, ((w - size) / stride) + 1);
        var input = x.ToArray<double>();
        var maxima = new double[n * c * outH * outW];
        var argmax = new int[maxima.Length];
        for (var plane = 0; plane < n * c; plane++)
        {
            for (var i = 0; i < outH; i++)
            {
                for (var j = 0; j < outW; j++)
                {
                    var best = -1;
                    for (var a = 0; a < size; a++)
                    {
                        for (var b = 0; b < size; b++)
                        {
                            var index = (plane * h * w) + (((i * stride) + a) * w) + (j * stride) + b;
                            if (best < 0 || input[index] > input[best])
                            {
                                best = index;
                            }
                        }
                    }

                    var output = (plane * outH * outW) + (i * outW) + j;
                    (maxima[output], argmax[output]) = (input[best], best);
                }
            }
        }

        return (Tensor.FromArray(maxima, n, c, outH, outW), argmax);
    }

    // END SOLUTION
}
