using Autograder.Tensors;

namespace Homework.A2;

/// <summary>The three 2-D operations of the assignment on one channel (float64), translated from its 1-based definitions to 0-based code.</summary>
/// <remarks>
/// For X of size H×W and K of size h×w:
/// valid convolution  Y[i,j] = Σₐ Σᵦ X[i+a, j+b] · K[h−1−a, w−1−b]   (the kernel flipped), Y of size (H−h+1)×(W−w+1);
/// filtering          Y[i,j] = Σₐ Σᵦ X[i+a, j+b] · K[a, b]            (no flip), same size;
/// full convolution   X zero-padded by h−1 rows and w−1 columns on each side, then valid convolution: (H+h−1)×(W+w−1).
/// </remarks>
public static class Convolution
{
    /// <summary>Valid convolution of <paramref name="x"/> with <paramref name="k"/> (the kernel flipped in both directions).</summary>
    /// <param name="x">The input, (H, W).</param>
    /// <param name="k">The kernel, (h, w), no larger than the input.</param>
    /// <returns>(H − h + 1, W − w + 1).</returns>
    public static Tensor Valid(Tensor x, Tensor k)
    {
        // BEGIN SOLUTION (hint: filtering with the kernel flipped: K[h−1−a, w−1−b])
        ArgumentNullException.ThrowIfNull(k);
        var (h, w) = (k.Shape[0], k.Shape[1]);
        var flipped = k.ToArray<double>();
        Array.Reverse(flipped);
        return Filter(x, Tensor.FromArray(flipped, h, w));
        // END SOLUTION
    }

    /// <summary>Filtering (cross-correlation) of <paramref name="x"/> with <paramref name="k"/>: the kernel is not flipped.</summary>
    /// <param name="x">The input, (H, W).</param>
    /// <param name="k">The kernel, (h, w), no larger than the input.</param>
    /// <returns>(H − h + 1, W − w + 1).</returns>
    public static Tensor Filter(Tensor x, Tensor k)
    {
        // BEGIN SOLUTION (hint: four loops: output row, output column, kernel row, kernel column)
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(k);
        var (rows, columns, h, w) = (x.Shape[0], x.Shape[1], k.Shape[0], k.Shape[1]);
        var (input, kernel) = (x.ToArray<double>(), k.ToArray<double>());
        var (outRows, outColumns) = (rows - h + 1, columns - w + 1);
        var output = new double[outRows * outColumns];
        for (var i = 0; i < outRows; i++)
        {
            for (var j = 0; j < outColumns; j++)
            {
                var sum = 0.0;
                for (var a = 0; a < h; a++)
                {
                    for (var b = 0; b < w; b++)
                    {
                        sum += input[((i + a) * columns) + j + b] * kernel[(a * w) + b];
                    }
                }

                output[(i * outColumns) + j] = sum;
            }
        }

        return Tensor.FromArray(output, outRows, outColumns);
        // END SOLUTION
    }

    /// <summary>Full convolution: <paramref name="x"/> zero-padded by h − 1 rows and w − 1 columns on every side, then valid convolution.</summary>
    /// <param name="x">The input, (H, W).</param>
    /// <param name="k">The kernel, (h, w).</param>
    /// <returns>(H + h − 1, W + w − 1).</returns>
    public static Tensor Full(Tensor x, Tensor k)
    {
        // BEGIN SOLUTION (hint: Tensor.Pad with (w−1, w−1, h−1, h−1), then Valid)
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(k);
        var (h, w) = (k.Shape[0], k.Shape[1]);
        return Valid(x.Pad([w - 1, w - 1, h - 1, h - 1]), k);
        // END SOLUTION
    }
}
