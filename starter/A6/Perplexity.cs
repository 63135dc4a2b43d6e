// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A6;

/// <summary>How surprised a language model is by the words it should predict: exp of the mean cross-entropy per real token.</summary>
public static class Perplexity
{
    /// <summary>
    /// exp(−(1/M) Σ log p(targetᵢ)) over the M positions whose target is not <see cref="SpecialTokens.Padding"/>: a model
    /// that spreads its probability evenly over V words has perplexity V; one that is always sure and right, 1.
    /// </summary>
    /// <param name="logProbabilities">Log-probabilities over the vocabulary, (N, T, V).</param>
    /// <param name="targets">The words to predict, (N, T) int64, padded with <see cref="SpecialTokens.Padding"/>.</param>
    /// <returns>A scalar (a tensor with one value).</returns>
    public static Tensor Compute(Tensor logProbabilities, Tensor targets)
    {
        throw new NotImplementedException("TODO: Gather the target's log-probability at every position, keep those whose target is not padding (Ne, a mask), average their negatives, then Exp");
    }
}
