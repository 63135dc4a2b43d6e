// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
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
        throw new NotImplementedException("TODO: as for the RNN, carrying the cell state too; it starts at zero");
    }

    /// <summary>The whole sequence backward (backpropagation through time).</summary>
    /// <param name="dh">The gradient of the loss with respect to every hidden state h_1 … h_T, (N, T, H).</param>
    /// <param name="cache">The caches from <see cref="Forward"/>.</param>
    /// <returns>Gradients with respect to x (N, T, D), h0 (N, H), Wx (D, 4H), Wh (H, 4H) and b (4H).</returns>
    public static (Tensor Dx, Tensor Dh0, Tensor DWx, Tensor DWh, Tensor Db) Backward(Tensor dh, IReadOnlyList<LstmStepCache> cache)
    {
        throw new NotImplementedException("TODO: walk t backwards carrying both the hidden-state and the cell-state gradients; the last cell state gets no gradient from outside");
    }
}
