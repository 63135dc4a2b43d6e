using Autograder.Tensors;

namespace Homework.A5;

/// <summary>The bag-of-words representation of a sentence: which words of the vocabulary it contains.</summary>
public static class BagOfWords
{
    /// <summary>
    /// A binary vector per sentence with a one in the column of every word the sentence contains: presence, not counts (a word
    /// that appears three times still gives 1). Unknown words were already mapped to the <c>&lt;unk&gt;</c> id and count as
    /// that word; padding positions (at and after each sentence's length) are not words and set nothing.
    /// </summary>
    /// <param name="tokens">Word ids, (N, T) int64, padded with <see cref="SentenceClassifier.PaddingId"/>.</param>
    /// <param name="lengths">The number of real words of each sentence, (N) int64.</param>
    /// <param name="vocabularySize">V, the number of columns.</param>
    /// <returns>(N, V) float32 of zeros and ones.</returns>
    public static Tensor Vectors(Tensor tokens, Tensor lengths, int vocabularySize)
    {
        // BEGIN SOLUTION (hint: tokens.ToArray<long>() and lengths.ToArray<long>(); fill a float[N * V] with ones at [n * V + id] for t < length; Tensor.FromArray(values, N, V))
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(lengths);
        var (n, t) = (tokens.Shape[0], tokens.Shape[1]);
        var (ids, counts) = (tokens.ToArray<long>(), lengths.ToArray<long>());
        var values = new float[n * vocabularySize];
        for (var row = 0; row < n; row++)
        {
            for (var position = 0; position < counts[row]; position++)
            {
                values[(row * vocabularySize) + ids[(row * t) + position]] = 1;
            }
        }

        return Tensor.FromArray(values, n, vocabularySize);
        // END SOLUTION
    }
}
