// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A5;

/// <summary>A minibatch of sentences, padded to its longest sentence.</summary>
/// <param name="Tokens">Word ids, (N, T) int64, padded with <see cref="SentenceClassifier.PaddingId"/>.</param>
/// <param name="Lengths">The number of real words of each sentence, (N) int64.</param>
/// <param name="Labels">1 for positive, 0 for negative, (N) float32; null for sentences to predict, whose labels the model never sees.</param>
public sealed record SentenceBatch(Tensor Tokens, Tensor Lengths, Tensor? Labels = null)
{
    /// <summary>Gets N, the number of sentences.</summary>
    public int Count => Tokens.Shape[0];
}
