// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A3;

/// <summary>What the temporal affine layer's forward pass keeps for its backward pass.</summary>
/// <param name="X">The inputs, (N, T, D).</param>
/// <param name="W">The weights, (D, M).</param>
public sealed record TemporalAffineCache(Tensor X, Tensor W);
