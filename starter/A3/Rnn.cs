// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
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
        throw new NotImplementedException("TODO: loop over t with RnnStep.Forward, feeding each step's output to the next; stack the outputs on dimension 1");
    }

    /// <summary>The whole sequence backward (backpropagation through time).</summary>
    /// <param name="dh">The gradient of the loss with respect to every hidden state h_1 … h_T, (N, T, H) (only the loss's direct dependence on each).</param>
    /// <param name="cache">The caches from <see cref="Forward"/>.</param>
    /// <returns>Gradients with respect to x (N, T, D), h0 (N, H), Wx (D, H), Wh (H, H) and b (H).</returns>
    public static (Tensor Dx, Tensor Dh0, Tensor DWx, Tensor DWh, Tensor Db) Backward(Tensor dh, IReadOnlyList<RnnStepCache> cache)
    {
        throw new NotImplementedException("TODO: walk t from T − 1 down to 0; the gradient reaching h_t is dh[:, t] plus what step t + 1 sent back; sum the weight gradients over steps");
    }
}
