// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
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
        throw new NotImplementedException("TODO: filtering with the kernel flipped: K[h−1−a, w−1−b]");
    }

    /// <summary>Filtering (cross-correlation) of <paramref name="x"/> with <paramref name="k"/>: the kernel is not flipped.</summary>
    /// <param name="x">The input, (H, W).</param>
    /// <param name="k">The kernel, (h, w), no larger than the input.</param>
    /// <returns>(H − h + 1, W − w + 1).</returns>
    public static Tensor Filter(Tensor x, Tensor k)
    {
        throw new NotImplementedException("TODO: four loops: output row, output column, kernel row, kernel column");
    }

    /// <summary>Full convolution: <paramref name="x"/> zero-padded by h − 1 rows and w − 1 columns on every side, then valid convolution.</summary>
    /// <param name="x">The input, (H, W).</param>
    /// <param name="k">The kernel, (h, w).</param>
    /// <returns>(H + h − 1, W + w − 1).</returns>
    public static Tensor Full(Tensor x, Tensor k)
    {
        throw new NotImplementedException("TODO: Tensor.Pad with (w−1, w−1, h−1, h−1), then Valid");
    }
}
