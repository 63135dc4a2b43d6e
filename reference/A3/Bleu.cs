namespace Homework.A3;

/// <summary>BLEU, the n-gram overlap score of generated captions against human ones (Papineni et al., 2002).</summary>
/// <remarks>
/// A candidate's n-gram counts are clipped by the most times that n-gram appears in any one reference (so "the the the"
/// gets no credit for a reference with one "the"). The brevity penalty is 1 for a candidate longer than the reference
/// length r, else exp(1 − r/c); r is the reference length closest to the candidate's (the shorter on a tie).
/// </remarks>
public static class Bleu
{
    /// <summary>
    /// Unigram BLEU of one caption, as the first assignment defines it: the clipped unigram precision times the brevity
    /// penalty (NLTK's <c>sentence_bleu</c> with weights [1]). 0 for an empty candidate.
    /// </summary>
    /// <param name="candidate">The generated caption's words (no start, end or padding words).</param>
    /// <param name="references">The human captions' words.</param>
    public static double Unigram(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references)
    {
        // BEGIN SOLUTION (hint: clipped matches / candidate length, times the brevity penalty with the closest reference length)
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(references);
        if (candidate.Count == 0)
        {
            return 0;
        }

        var (matches, total) = ClippedCounts(candidate, references, 1);
        return BrevityPenalty(candidate.Count, ClosestLength(candidate.Count, references)) * matches / total;
        // END SOLUTION
    }

    /// <summary>
    /// Corpus BLEU-4: the modified n-gram precisions for n = 1 … 4, each summed over the whole corpus (clipped matches over
    /// candidate n-grams), their geometric mean, times the brevity penalty of the corpus (total candidate length against the
    /// sum of each candidate's closest reference length). 0 when any precision is 0.
    /// </summary>
    /// <param name="candidates">The generated captions' words, one list per image.</param>
    /// <param name="references">The human captions' words for each image, in the same order.</param>
    public static double Corpus4(IReadOnlyList<IReadOnlyList<string>> candidates, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references)
    {
        // BEGIN SOLUTION (hint: sum clipped matches and candidate n-gram counts over all captions for each n first; only then divide, take logs and average)
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(references);
        if (candidates.Count != references.Count)
        {
            throw new ArgumentException($"There are {candidates.Count} candidates but {references.Count} lists of references; give one list per candidate.");
        }

        var (logPrecisions, candidateLength, referenceLength) = (0.0, 0, 0);
        for (var n = 1; n <= 4; n++)
        {
            var (matches, total) = (0, 0);
            for (var k = 0; k < candidates.Count; k++)
            {
                var (m, t) = ClippedCounts(candidates[k], references[k], n);
                (matches, total) = (matches + m, total + t);
            }

            if (matches == 0)
            {
                return 0;
            }

            logPrecisions += Math.Log((double)matches / total) / 4;
        }

        for (var k = 0; k < candidates.Count; k++)
        {
            candidateLength += candidates[k].Count;
            referenceLength += ClosestLength(candidates[k].Count, references[k]);
        }

        return BrevityPenalty(candidateLength, referenceLength) * Math.Exp(logPrecisions);
        // END SOLUTION
    }

    // BEGIN SOLUTION REMOVE (hint: helpers for n-gram counts, the closest reference length and the brevity penalty)
    private static (int Matches, int Total) ClippedCounts(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references, int n)
    {
        var counts = NGrams(candidate, n);
        var most = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            foreach (var (gram, count) in NGrams(reference, n))
            {
                most[gram] = Math.Max(most.GetValueOrDefault(gram), count);
            }
        }

        return (counts.Sum(c => Math.Min(c.Value, most.GetValueOrDefault(c.Key))), counts.Values.Sum());
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> words, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= words.Count; i++)
        {
            var gram = string.Join('\u0001', words.Skip(i).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }

    private static int ClosestLength(int length, IReadOnlyList<IReadOnlyList<string>> references) =>
        references.Select(r => r.Count).OrderBy(r => Math.Abs(r - length)).ThenBy(r => r).FirstOrDefault();

    private static double BrevityPenalty(int candidateLength, int referenceLength) =>
        candidateLength > referenceLength ? 1 : candidateLength == 0 ? 0 : Math.Exp(1 - ((double)referenceLength / candidateLength));

    // END SOLUTION
}
