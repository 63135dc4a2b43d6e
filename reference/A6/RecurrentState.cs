using Autograder.Tensors;

namespace Homework.A6;

/// <summary>The state a recurrent layer carries from step to step, shaped as PyTorch's RNN and LSTM take and return it.</summary>
/// <param name="H">The hidden state, (1, N, H): one layer, N sentences.</param>
/// <param name="C">The LSTM's cell state, (1, N, H); null for an RNN.</param>
public sealed record RecurrentState(Tensor H, Tensor? C = null);
