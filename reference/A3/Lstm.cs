using Autograder.Tensors;

namespace Homework.A3;

/// <summary>An LSTM over a whole sequence, from an initial hidden state and a zero cell state, built on <see cref="LstmStep"/>.</summary>
/// <remarks>Sequences are batch-first: X ∈ R^{N×T×D}, and the hidden states H ∈ R^{N×T×H} hold h_1 … h_T.</remarks>
public static class Lstm
{
    /// <summary>The whole sequence forward, from <paramref name="h0"/> and a zero cell state.</summary>
    /// <param name="x">The inputs, (N, T, D).</param>
    /// <param name="h0">The initial hidden state, (N, H).</param>
    /// <param name="wx">Input-to-gates weights, (D, 4H).</param>
    /// <param name="wh">Hidden-to-gates weights, (H, 4H).</param>
    /// <param name="b">Bias, (4H).</param>
    /// <returns>The hidden states h_1 … h_T, (N, T, H), and one cache per step for <see cref="Backward"/>.</returns>
    public static (Tensor H, IReadOnlyList<LstmStepCache> Cache) Forward(Tensor x, Tensor h0, Tensor wx, Tensor wh, Tensor b)
    {
        // BEGIN SOLUTION (hint: as for the RNN, carrying the cell state too; it starts at zero)
        ArgumentNullException.ThrowIfNull(x);
        var (states, caches, h, c) = (new List<Tensor>(), new List<LstmStepCache>(), h0, Tensor.ZerosLike(h0));
        for (var t = 0; t < x.Shape[1]; t++)
        {
            (h, c, var cache) = LstmStep.Forward(x.Select(1, t), h, c, wx, wh, b);
            states.Add(h);
            caches.Add(cache);
        }

        return (Tensor.Stack(states, 1), caches);
        // END SOLUTION
    }

    /// <summary>The whole sequence backward (backpropagation through time).</summary>
    /// <param name="dh">The gradient of the loss with respect to every hidden state h_1 … h_T, (N, T, H).</param>
    /// <param name="cache">The caches from <see cref="Forward"/>.</param>
    /// <returns>Gradients with respect to x (N, T, D), h0 (N, H), Wx (D, 4H), Wh (H, 4H) and b (4H).</returns>
    public static (Tensor Dx, Tensor Dh0, Tensor DWx, Tensor DWh, Tensor Db) Backward(Tensor dh, IReadOnlyList<LstmStepCache> cache)
    {
        // BEGIN SOLUTION (hint: walk t backwards carrying both the hidden-state and the cell-state gradients; the last cell state gets no gradient from outside)
        ArgumentNullException.ThrowIfNull(dh);
        ArgumentNullException.ThrowIfNull(cache);
        var dxs = new Tensor[cache.Count];
        var (dWx, dWh, db) = (Tensor.ZerosLike(cache[0].Wx), Tensor.ZerosLike(cache[0].Wh), Tensor.Zeros([cache[0].Wx.Shape[1]], dh.DType));
        var (dprevH, dprevC) = (Tensor.ZerosLike(cache[0].PrevH), Tensor.ZerosLike(cache[0].PrevC));
        for (var t = cache.Count - 1; t >= 0; t--)
        {
            var (dx, dhStep, dcStep, dWxStep, dWhStep, dbStep) = LstmStep.Backward(dh.Select(1, t) + dprevH, dprevC, cache[t]);
            (dxs[t], dprevH, dprevC) = (dx, dhStep, dcStep);
            (dWx, dWh, db) = (dWx + dWxStep, dWh + dWhStep, db + dbStep);
        }

        return (Tensor.Stack(dxs, 1), dprevH, dWx, dWh, db);
        // END SOLUTION
    }
}
