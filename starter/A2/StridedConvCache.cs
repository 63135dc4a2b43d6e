// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A2;

/// <summary>What the general convolution layer's forward pass keeps for its backward pass.</summary>
/// <param name="X">The input, (N, C, H, W).</param>
/// <param name="K">The kernels, (F, C, h, w).</param>
/// <param name="Stride">The step between windows.</param>
/// <param name="Padding">The zeros added on each side of the height and width.</param>
public sealed record StridedConvCache(Tensor X, Tensor K, int Stride, int Padding);
