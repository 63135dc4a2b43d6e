namespace Autograder.Data.Text;

/// <summary>
/// Corpus BLEU (Papineni et al., 2002) over token ids, for scoring generated captions in the grader: modified n-gram
/// precisions summed over the corpus, their geometric mean, and the brevity penalty against the closest reference lengths.
/// </summary>
public static class BleuScore
{
    /// <summary>Corpus BLEU-<paramref name="maxN"/>; 0 when a precision is 0.</summary>
    /// <param name="candidates">Each generated caption's tokens.</param>
    /// <param name="references">Each caption's human references.</param>
    /// <param name="maxN">The longest n-gram (4 for BLEU-4).</param>
    public static double Corpus(IReadOnlyList<IReadOnlyList<long>> candidates, IReadOnlyList<IReadOnlyList<IReadOnlyList<long>>> references, int maxN = 4)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(references);
        var (logSum, length, referenceLength) = (0.0, 0, 0);
        for (var n = 1; n <= maxN; n++)
        {
            var (matches, total) = (0, 0);
            for (var k = 0; k < candidates.Count; k++)
            {
                var counts = Grams(candidates[k], n);
                var most = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (gram, count) in references[k].SelectMany(r => Grams(r, n)))
                {
                    most[gram] = Math.Max(most.GetValueOrDefault(gram), count);
                }

                matches += counts.Sum(c => Math.Min(c.Value, most.GetValueOrDefault(c.Key)));
                total += counts.Values.Sum();
            }

            if (matches == 0)
            {
                return 0;
            }

            logSum += Math.Log((double)matches / total) / maxN;
        }

        for (var k = 0; k < candidates.Count; k++)
        {
            length += candidates[k].Count;
            referenceLength += references[k].Select(r => r.Count).OrderBy(r => Math.Abs(r - candidates[k].Count)).ThenBy(r => r).FirstOrDefault();
        }

        var penalty = length > referenceLength ? 1 : length == 0 ? 0 : Math.Exp(1 - ((double)referenceLength / length));
        return penalty * Math.Exp(logSum);
    }

    private static Dictionary<string, int> Grams(IReadOnlyList<long> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join(',', tokens.Skip(i).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }
}
