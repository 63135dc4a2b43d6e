// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
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
        throw new NotImplementedException("TODO: clipped matches / candidate length, times the brevity penalty with the closest reference length");
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
        throw new NotImplementedException("TODO: sum clipped matches and candidate n-gram counts over all captions for each n first; only then divide, take logs and average");
    }

    // TODO: helpers for n-gram counts, the closest reference length and the brevity penalty
}
