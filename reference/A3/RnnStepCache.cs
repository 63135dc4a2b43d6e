using Autograder.Tensors;

namespace Homework.A3;

/// <summary>What one vanilla-RNN step keeps for its backward pass.</summary>
/// <param name="X">The step's input, (N, D).</param>
/// <param name="PrevH">The previous hidden state, (N, H).</param>
/// <param name="Wx">Input-to-hidden weights, (D, H).</param>
/// <param name="Wh">Hidden-to-hidden weights, (H, H).</param>
/// <param name="NextH">The step's output, tanh(X Wx + PrevH Wh + b), (N, H).</param>
public sealed record RnnStepCache(Tensor X, Tensor PrevH, Tensor Wx, Tensor Wh, Tensor NextH);
