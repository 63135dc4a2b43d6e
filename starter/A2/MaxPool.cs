// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
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
        throw new NotImplementedException("TODO: for every window, the largest value");
    }

    /// <summary>Max-pooling's backward pass: each window's upstream gradient goes to the position of its (first) maximum.</summary>
    /// <param name="dout">Upstream gradient, (N, C, H', W').</param>
    /// <param name="cache">The cache from <see cref="Forward"/>.</param>
    /// <returns>dX, (N, C, H, W): zero except at each window's first maximum.</returns>
    public static Tensor Backward(Tensor dout, MaxPoolCache cache)
    {
        throw new NotImplementedException("TODO: find each window's first maximum again; add (not assign) dout there, windows may overlap");
    }

}
