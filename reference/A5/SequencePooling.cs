using Autograder.Tensors;

namespace Homework.A5;

/// <summary>Two ways to turn a padded sequence of vectors into one vector per sentence, both blind to the padding.</summary>
public static class SequencePooling
{
    /// <summary>The mean of each sentence's vectors over its real words only: padding neither adds to the sum nor to the count.</summary>
    /// <param name="vectors">(N, T, D): one vector per position.</param>
    /// <param name="lengths">The number of real words of each sentence, (N) int64.</param>
    /// <returns>(N, D).</returns>
    public static Tensor Average(Tensor vectors, Tensor lengths)
    {
        // BEGIN SOLUTION (hint: a mask (N, T) that is 1 where the position t < length: Tensor.Arange(T).Unsqueeze(0).Lt(lengths.Unsqueeze(1)); multiply, Sum over dimension 1, divide by the lengths as (N, 1))
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(lengths);
        var mask = Tensor.Arange(vectors.Shape[1]).Unsqueeze(0).Lt(lengths.Unsqueeze(1)).To(vectors.DType);
        return (vectors * mask.Unsqueeze(2)).Sum(1) / lengths.Unsqueeze(1).To(vectors.DType);
        // END SOLUTION
    }

    /// <summary>Each sentence's vector at its last real word (position length − 1), not at the last, padded, position.</summary>
    /// <param name="vectors">(N, T, H): e.g. a recurrent layer's output at every position.</param>
    /// <param name="lengths">The number of real words of each sentence, (N) int64.</param>
    /// <returns>(N, H).</returns>
    public static Tensor LastRealToken(Tensor vectors, Tensor lengths)
    {
        // BEGIN SOLUTION (hint: Gather along dimension 1 with the index (lengths − 1) reshaped to (N, 1, 1) and expanded to (N, 1, H); Squeeze(1))
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(lengths);
        var (n, h) = (vectors.Shape[0], vectors.Shape[2]);
        var index = (lengths - 1).Reshape(n, 1, 1).Expand(n, 1, h);
        return vectors.Gather(1, index).Squeeze(1);
        // END SOLUTION
    }
}
