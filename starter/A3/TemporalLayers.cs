// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A3;

/// <summary>The layers around the recurrent core, from scratch: word embedding, the affine layer at every time step, and the masked softmax loss.</summary>
public static class TemporalLayers
{
    /// <summary>Word embedding forward: each word index becomes its row of <paramref name="w"/>.</summary>
    /// <param name="x">Word indices, (N, T) int64 in [0, V).</param>
    /// <param name="w">Word vectors, (V, D).</param>
    /// <returns>The vectors, (N, T, D), and the cache for <see cref="WordEmbeddingBackward"/>.</returns>
    public static (Tensor Out, WordEmbeddingCache Cache) WordEmbeddingForward(Tensor x, Tensor w)
    {
        throw new NotImplementedException("TODO: select rows of w with the flattened indices, then restore the (N, T) shape");
    }

    /// <summary>Word embedding backward: the gradient of the word vectors; a word used several times gets the sum of its gradients.</summary>
    /// <param name="dout">Upstream gradient, (N, T, D).</param>
    /// <param name="cache">The cache from <see cref="WordEmbeddingForward"/>.</param>
    /// <returns>The gradient with respect to w, (V, D).</returns>
    public static Tensor WordEmbeddingBackward(Tensor dout, WordEmbeddingCache cache)
    {
        throw new NotImplementedException("TODO: accumulate, do not assign: a one-hot matrix of the indices, transposed, times the upstream rows");
    }

    /// <summary>The affine layer applied at every time step: out[n, t] = x[n, t] W + b.</summary>
    /// <param name="x">Inputs, (N, T, D).</param>
    /// <param name="w">Weights, (D, M).</param>
    /// <param name="b">Bias, (M).</param>
    /// <returns>The outputs, (N, T, M), and the cache for <see cref="TemporalAffineBackward"/>.</returns>
    public static (Tensor Out, TemporalAffineCache Cache) TemporalAffineForward(Tensor x, Tensor w, Tensor b)
    {
        throw new NotImplementedException("TODO: fold time into the batch: (N·T, D) times (D, M)");
    }

    /// <summary>The temporal affine layer's backward pass.</summary>
    /// <param name="dout">Upstream gradient, (N, T, M).</param>
    /// <param name="cache">The cache from <see cref="TemporalAffineForward"/>.</param>
    /// <returns>Gradients with respect to x (N, T, D), w (D, M) and b (M).</returns>
    public static (Tensor Dx, Tensor Dw, Tensor Db) TemporalAffineBackward(Tensor dout, TemporalAffineCache cache)
    {
        throw new NotImplementedException("TODO: the affine layer's gradients on the folded (N·T) rows");
    }

    /// <summary>
    /// The softmax loss at every time step where <paramref name="mask"/> is true, summed over time and averaged over the
    /// minibatch: L = −(1/N) Σ_n Σ_t mask[n,t] · log softmax(x[n,t])[y[n,t]]. Masked steps (padding) add nothing to the loss or the gradient.
    /// </summary>
    /// <param name="x">Scores, (N, T, V).</param>
    /// <param name="y">Correct words, (N, T) int64 in [0, V).</param>
    /// <param name="mask">Which steps count, (N, T) bool.</param>
    /// <returns>The loss and its gradient with respect to the scores, (N, T, V).</returns>
    public static (double Loss, Tensor Dx) TemporalSoftmaxLoss(Tensor x, Tensor y, Tensor mask)
    {
        throw new NotImplementedException("TODO: fold time into the batch, a stable log-softmax, weight each step by the mask, divide by N, not by N·T");
    }
}
