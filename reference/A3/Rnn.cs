using Autograder.Tensors;

namespace Homework.A3;

/// <summary>A vanilla RNN over a whole sequence, from an initial hidden state, built on <see cref="RnnStep"/>.</summary>
/// <remarks>Sequences are batch-first: X ∈ R^{N×T×D}, and the hidden states H ∈ R^{N×T×H} hold h_1 … h_T.</remarks>
public static class Rnn
{
    /// <summary>The whole sequence forward, from <paramref name="h0"/>.</summary>
    /// <param name="x">The inputs, (N, T, D).</param>
    /// <param name="h0">The initial hidden state, (N, H).</param>
    /// <param name="wx">Input-to-hidden weights, (D, H).</param>
    /// <param name="wh">Hidden-to-hidden weights, (H, H).</param>
    /// <param name="b">Bias, (H).</param>
    /// <returns>The hidden states h_1 … h_T, (N, T, H), and one cache per step for <see cref="Backward"/>.</returns>
    public static (Tensor H, IReadOnlyList<RnnStepCache> Cache) Forward(Tensor x, Tensor h0, Tensor wx, Tensor wh, Tensor b)
    {
        // BEGIN SOLUTION (hint: loop over t with RnnStep.Forward, feeding each step's output to the next; stack the outputs on dimension 1)
        ArgumentNullException.ThrowIfNull(x);
        var (states, caches, h) = (new List<Tensor>(), new List<RnnStepCache>(), h0);
        for (var t = 0; t < x.Shape[1]; t++)
        {
            (h, var cache) = RnnStep.Forward(x.Select(1, t), h, wx, wh, b);
            states.Add(h);
            caches.Add(cache);
        }

        return (Tensor.Stack(states, 1), caches);
        // END SOLUTION
    }

    /// <summary>The whole sequence backward (backpropagation through time).</summary>
    /// <param name="dh">The gradient of the loss with respect to every hidden state h_1 … h_T, (N, T, H) (only the loss's direct dependence on each).</param>
    /// <param name="cache">The caches from <see cref="Forward"/>.</param>
    /// <returns>Gradients with respect to x (N, T, D), h0 (N, H), Wx (D, H), Wh (H, H) and b (H).</returns>
    public static (Tensor Dx, Tensor Dh0, Tensor DWx, Tensor DWh, Tensor Db) Backward(Tensor dh, IReadOnlyList<RnnStepCache> cache)
    {
        // BEGIN SOLUTION (hint: walk t from T − 1 down to 0; the gradient reaching h_t is dh[:, t] plus what step t + 1 sent back; sum the weight gradients over steps)
        ArgumentNullException.ThrowIfNull(dh);
        ArgumentNullException.ThrowIfNull(cache);
        var dxs = new Tensor[cache.Count];
        var (dWx, dWh, db) = (Tensor.ZerosLike(cache[0].Wx), Tensor.ZerosLike(cache[0].Wh), Tensor.Zeros([cache[0].Wh.Shape[0]], dh.DType));
        var dprev = Tensor.ZerosLike(cache[0].PrevH);
        for (var t = cache.Count - 1; t >= 0; t--)
        {
            var (dx, dprevH, dWxStep, dWhStep, dbStep) = RnnStep.Backward(dh.Select(1, t) + dprev, cache[t]);
            (dxs[t], dprev) = (dx, dprevH);
            (dWx, dWh, db) = (dWx + dWxStep, dWh + dWhStep, db + dbStep);
        }

        return (Tensor.Stack(dxs, 1), dprev, dWx, dWh, db);
        // END SOLUTION
    }
}
