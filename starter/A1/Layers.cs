// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A1;

/// <summary>Layers written from scratch (float64, no autograd): each forward returns its output and a cache, each backward the gradients.</summary>
/// <remarks>Use tensor arithmetic (MatMul, Sum, comparisons, Where); do not call Backward(): these functions are the backward pass.</remarks>
public static class Layers
{
    /// <summary>Fully-connected forward pass: Y = X W + b, row-major (one example per row).</summary>
    /// <param name="x">Inputs, (N, D).</param>
    /// <param name="w">Weights, (D, M).</param>
    /// <param name="b">Bias, (M).</param>
    /// <returns>The outputs, (N, M), and the cache for <see cref="FcBackward"/>.</returns>
    public static (Tensor Out, FcCache Cache) FcForward(Tensor x, Tensor w, Tensor b)
    {
        throw new NotImplementedException("TODO: one matrix product plus the broadcast bias; keep x, w and b in the cache");
    }

    /// <summary>Fully-connected backward pass: dX = dY Wᵀ, dW = Xᵀ dY, db = Σₙ dY.</summary>
    /// <param name="dout">Upstream gradient, (N, M).</param>
    /// <param name="cache">The cache from <see cref="FcForward"/>.</param>
    /// <returns>Gradients with respect to x (N, D), w (D, M) and b (M).</returns>
    public static (Tensor Dx, Tensor Dw, Tensor Db) FcBackward(Tensor dout, FcCache cache)
    {
        throw new NotImplementedException("TODO: derive each gradient from the index form Y[n,m] = Σ_d X[n,d] W[d,m] + b[m]");
    }

    /// <summary>ReLU forward pass: max(x, 0) elementwise.</summary>
    /// <param name="x">Inputs of any shape.</param>
    /// <returns>The outputs and the cache (the input) for <see cref="ReluBackward"/>.</returns>
    public static (Tensor Out, Tensor Cache) ReluForward(Tensor x)
    {
        throw new NotImplementedException("TODO: keep the input; the output is x where x > 0, else 0");
    }

    /// <summary>ReLU backward pass: the upstream gradient where the input was positive, 0 elsewhere.</summary>
    /// <param name="dout">Upstream gradient, shaped like the input.</param>
    /// <param name="cache">The input from <see cref="ReluForward"/>.</param>
    /// <returns>The gradient with respect to the input.</returns>
    public static Tensor ReluBackward(Tensor dout, Tensor cache)
    {
        throw new NotImplementedException("TODO: the mask comes from the input, not from the output");
    }

    /// <summary>Softmax loss: the mean over the batch of −log softmax(scores)[n, yₙ], and its gradient.</summary>
    /// <param name="scores">Class scores, (N, C).</param>
    /// <param name="y">Correct classes, (N) int64 in [0, C).</param>
    /// <returns>The loss, and the gradient with respect to the scores (N, C).</returns>
    public static (double Loss, Tensor Dx) SoftmaxLoss(Tensor scores, Tensor y)
    {
        throw new NotImplementedException("TODO: shift each row by its maximum before exponentiating; the gradient is (p − onehot(y)) / N");
    }
}
