using Autograder.Tensors;

namespace Homework.A2;

/// <summary>What max-pooling's forward pass keeps for its backward pass.</summary>
/// <param name="X">The input, (N, C, H, W).</param>
/// <param name="Size">The window's height and width.</param>
/// <param name="Stride">The step between windows.</param>
public sealed record MaxPoolCache(Tensor X, int Size, int Stride);
