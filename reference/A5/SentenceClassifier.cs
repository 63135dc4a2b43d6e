using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A5;

/// <summary>
/// A sentiment classifier over padded batches of sentences: every model of this assignment reads the same input and returns
/// the probability that each sentence is positive.
/// </summary>
/// <remarks>
/// A batch is <c>tokens</c> (N, T) int64, each row a sentence's word ids followed by <see cref="PaddingId"/> up to the
/// longest sentence of the batch, and <c>lengths</c> (N) int64, the number of real words of each row (at least 1).
/// </remarks>
public abstract class SentenceClassifier : Module
{
    /// <summary>The id of the padding word (<c>&lt;pad&gt;</c>): always 0, never a real word.</summary>
    public const long PaddingId = 0;

    /// <summary>The probability that each sentence is positive.</summary>
    /// <param name="tokens">Word ids, (N, T) int64, padded with <see cref="PaddingId"/>.</param>
    /// <param name="lengths">The number of real words of each sentence, (N) int64.</param>
    /// <returns>Probabilities in (0, 1), (N), after a sigmoid.</returns>
    public abstract Tensor Forward(Tensor tokens, Tensor lengths);
}
