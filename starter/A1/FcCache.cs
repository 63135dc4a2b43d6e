// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A1;

/// <summary>What the fully-connected layer's forward pass keeps for its backward pass.</summary>
/// <param name="X">The input, (N, D).</param>
/// <param name="W">The weights, (D, M).</param>
/// <param name="B">The bias, (M).</param>
public sealed record FcCache(Tensor X, Tensor W, Tensor B);
