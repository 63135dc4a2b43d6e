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
        // BEGIN SOLUTION (hint: select rows of w with the flattened indices, then restore the (N, T) shape)
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        var output = w.IndexSelect(0, x.Reshape(-1)).Reshape(x.Shape[0], x.Shape[1], w.Shape[1]);
        return (output, new WordEmbeddingCache(x, w.Shape[0]));
        // END SOLUTION
    }

    /// <summary>Word embedding backward: the gradient of the word vectors; a word used several times gets the sum of its gradients.</summary>
    /// <param name="dout">Upstream gradient, (N, T, D).</param>
    /// <param name="cache">The cache from <see cref="WordEmbeddingForward"/>.</param>
    /// <returns>The gradient with respect to w, (V, D).</returns>
    public static Tensor WordEmbeddingBackward(Tensor dout, WordEmbeddingCache cache)
    {
        // BEGIN SOLUTION (hint: accumulate, do not assign: a one-hot matrix of the indices, transposed, times the upstream rows)
        ArgumentNullException.ThrowIfNull(dout);
        ArgumentNullException.ThrowIfNull(cache);
        var rows = dout.Reshape(-1, dout.Shape[2]);
        return cache.X.Reshape(-1).OneHot(cache.VocabularySize).To(dout.DType).T.MatMul(rows);
        // END SOLUTION
    }

    /// <summary>The affine layer applied at every time step: out[n, t] = x[n, t] W + b.</summary>
    /// <param name="x">Inputs, (N, T, D).</param>
    /// <param name="w">Weights, (D, M).</param>
    /// <param name="b">Bias, (M).</param>
    /// <returns>The outputs, (N, T, M), and the cache for <see cref="TemporalAffineBackward"/>.</returns>
    public static (Tensor Out, TemporalAffineCache Cache) TemporalAffineForward(Tensor x, Tensor w, Tensor b)
    {
        // BEGIN SOLUTION (hint: fold time into the batch: (N·T, D) times (D, M))
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        var output = (x.Reshape(-1, x.Shape[2]).MatMul(w) + b).Reshape(x.Shape[0], x.Shape[1], w.Shape[1]);
        return (output, new TemporalAffineCache(x, w));
        // END SOLUTION
    }

    /// <summary>The temporal affine layer's backward pass.</summary>
    /// <param name="dout">Upstream gradient, (N, T, M).</param>
    /// <param name="cache">The cache from <see cref="TemporalAffineForward"/>.</param>
    /// <returns>Gradients with respect to x (N, T, D), w (D, M) and b (M).</returns>
    public static (Tensor Dx, Tensor Dw, Tensor Db) TemporalAffineBackward(Tensor dout, TemporalAffineCache cache)
    {
        // BEGIN SOLUTION (hint: the affine layer's gradients on the folded (N·T) rows)
        ArgumentNullException.ThrowIfNull(dout);
        ArgumentNullException.ThrowIfNull(cache);
        var rows = dout.Reshape(-1, dout.Shape[2]);
        var x = cache.X.Reshape(-1, cache.X.Shape[2]);
        return (rows.MatMul(cache.W.T).Reshape(cache.X.Shape[0], cache.X.Shape[1], cache.X.Shape[2]), x.T.MatMul(rows), rows.Sum(0));
        // END SOLUTION
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
        // BEGIN SOLUTION (hint: fold time into the batch, a stable log-softmax, weight each step by the mask, divide by N, not by N·T)
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(mask);
        var (n, vocabulary) = (x.Shape[0], x.Shape[2]);
        var scores = x.Reshape(-1, vocabulary);
        var weights = mask.Reshape(-1, 1).To(x.DType);
        var shifted = scores - scores.Max(1, keepDim: true).Values;
        var logProbabilities = shifted - shifted.Exp().Sum(1, keepDim: true).Log();
        var targets = y.Reshape(-1, 1);
        var loss = -(logProbabilities.Gather(1, targets) * weights).Sum().Item() / n;
        var dx = (logProbabilities.Exp() - targets.Reshape(-1).OneHot(vocabulary).To(x.DType)) * weights / n;
        return (loss, dx.Reshape(x.Shape[0], x.Shape[1], vocabulary));
        // END SOLUTION
    }
}
