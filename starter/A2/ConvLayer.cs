// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A2;

/// <summary>The convolution layer from scratch (float64, no autograd), as the assignment defines it with <see cref="Convolution"/>'s operations.</summary>
/// <remarks>
/// Forward: Y[n,f] = Σ_c Filter(X[n,c], K[f,c]) + b[f].
/// Backward: dX[n,c] = Σ_f Full(dY[n,f], K[f,c]); dK[f,c] = Σ_n Filter(X[n,c], dY[n,f]); db[f] = Σ_{n,i,j} dY[n,f,i,j].
/// </remarks>
public static class ConvLayer
{
    /// <summary>The layer's forward pass.</summary>
    /// <param name="x">Inputs, (N, C, H, W).</param>
    /// <param name="k">Kernels, (F, C, h, w).</param>
    /// <param name="b">Biases, (F).</param>
    /// <returns>Y, (N, F, H − h + 1, W − w + 1), and the cache for <see cref="Backward"/>.</returns>
    public static (Tensor Out, ConvCache Cache) Forward(Tensor x, Tensor k, Tensor b)
    {
        throw new NotImplementedException("TODO: for each n and f, sum Convolution.Filter over the channels, add b[f]; Tensor.Stack builds the result");
    }

    /// <summary>The layer's backward pass.</summary>
    /// <param name="dout">dY, (N, F, H − h + 1, W − w + 1).</param>
    /// <param name="cache">The cache from <see cref="Forward"/>.</param>
    /// <returns>dX (N, C, H, W), dK (F, C, h, w) and db (F).</returns>
    public static (Tensor Dx, Tensor Dk, Tensor Db) Backward(Tensor dout, ConvCache cache)
    {
        throw new NotImplementedException("TODO: dX[n,c] = Σ_f Full(dY[n,f], K[f,c]); dK[f,c] = Σ_n Filter(X[n,c], dY[n,f]); db sums dY over n, i and j");
    }
}
