// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A3;

/// <summary>What one LSTM step keeps for its backward pass.</summary>
/// <param name="X">The step's input, (N, D).</param>
/// <param name="PrevH">The previous hidden state, (N, H).</param>
/// <param name="PrevC">The previous cell state, (N, H).</param>
/// <param name="Wx">Input-to-gates weights, (D, 4H).</param>
/// <param name="Wh">Hidden-to-gates weights, (H, 4H).</param>
/// <param name="F">The forget gate, (N, H).</param>
/// <param name="I">The input gate, (N, H).</param>
/// <param name="G">The candidate cell values, (N, H).</param>
/// <param name="O">The output gate, (N, H).</param>
/// <param name="NextC">The new cell state, (N, H).</param>
public sealed record LstmStepCache(Tensor X, Tensor PrevH, Tensor PrevC, Tensor Wx, Tensor Wh, Tensor F, Tensor I, Tensor G, Tensor O, Tensor NextC);
