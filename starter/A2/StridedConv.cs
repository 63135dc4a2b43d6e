// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
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
        throw new NotImplementedException("TODO: pad X with Tensor.Pad; gather every window into one row (\"im2col\"), then one MatMul with K reshaped to (F, C·h·w)");
    }

    /// <summary>The layer's backward pass.</summary>
    /// <param name="dout">dY, (N, F, H', W').</param>
    /// <param name="cache">The cache from <see cref="Forward"/>.</param>
    /// <returns>dX (N, C, H, W), dK (F, C, h, w) and db (F).</returns>
    public static (Tensor Dx, Tensor Dk, Tensor Db) Backward(Tensor dout, StridedConvCache cache)
    {
        throw new NotImplementedException("TODO: every input pixel gets the gradient of every window it fell in, times the kernel weight it met there; padding's gradient is dropped");
    }

}
