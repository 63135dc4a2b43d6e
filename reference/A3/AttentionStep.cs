using Autograder.Tensors;

namespace Homework.A3;

/// <summary>What one step of the <see cref="AttentionDecoder"/> produces.</summary>
/// <param name="Scores">Unnormalised scores over the vocabulary, (N, V).</param>
/// <param name="H">The new hidden state, (N, H).</param>
/// <param name="C">The new cell state, (N, H).</param>
/// <param name="Weights">The attention weights over the regions used at this step, (N, L).</param>
public sealed record AttentionStep(Tensor Scores, Tensor H, Tensor C, Tensor Weights);
