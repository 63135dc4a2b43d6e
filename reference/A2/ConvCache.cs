using Autograder.Tensors;

namespace Homework.A2;

/// <summary>What the convolution layer's forward pass keeps for its backward pass.</summary>
/// <param name="X">The input, (N, C, H, W).</param>
/// <param name="K">The kernels, (F, C, h, w).</param>
public sealed record ConvCache(Tensor X, Tensor K);
