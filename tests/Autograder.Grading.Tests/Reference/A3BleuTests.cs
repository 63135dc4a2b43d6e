using Homework.A3;

namespace Autograder.Grading.Tests.Reference;

/// <summary>The reference's BLEU on cases computed by hand (Papineni et al.'s examples and small ones worked out below).</summary>
public sealed class A3BleuTests
{
    private static string[] W(string sentence) => sentence.Split(' ');

    private static IReadOnlyList<IReadOnlyList<string>> Refs(params string[] sentences) => [.. sentences.Select(W)];

    [Test]
    public void Unigram_counts_are_clipped_by_the_references()
    {
        // Papineni et al.: "the" seven times; at most two in one reference: 2/7. Lengths 6 and 7: the closest is 7, no penalty.
        var score = Bleu.Unigram(W("the the the the the the the"), Refs("the cat is on the mat", "there is a cat on the mat"));
        Assert.That(score, Is.EqualTo(2.0 / 7).Within(1e-12));
    }

    [Test]
    public void A_short_candidate_pays_the_brevity_penalty()
    {
        // Both words match (precision 1), but c = 2 against r = 6: exp(1 − 6/2) = e^−2.
        Assert.That(Bleu.Unigram(W("a cat"), Refs("a cat sat on the mat")), Is.EqualTo(Math.Exp(-2)).Within(1e-12));
        Assert.That(Bleu.Unigram([], Refs("a cat")), Is.Zero);
    }

    [Test]
    public void Bleu4_is_the_geometric_mean_of_the_four_precisions()
    {
        // Candidate against "a cat sat on a mat": unigrams 5/6 (no "the"), bigrams 3/5 (a cat, cat sat, sat on),
        // trigrams 2/4 (a cat sat, cat sat on), 4-grams 1/3 (a cat sat on); equal lengths: (5/6 · 3/5 · 2/4 · 1/3)^¼ = (1/12)^¼.
        var score = Bleu.Corpus4([W("a cat sat on the mat")], [Refs("a cat sat on a mat")]);
        Assert.That(score, Is.EqualTo(Math.Pow(1.0 / 12, 0.25)).Within(1e-12));
        Assert.That(Bleu.Corpus4([W("a cat sat on a mat")], [Refs("a cat sat on a mat")]), Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void Corpus_bleu_sums_counts_before_dividing()
    {
        // Caption 1 as above (5/6, 3/5, 2/4, 1/3); caption 2 equals its reference "dogs run in the park" (5/5, 4/4, 3/3, 2/2).
        // Corpus: 10/11, 7/9, 5/7, 3/5; lengths 6 + 5 against 6 + 5: no penalty.
        var score = Bleu.Corpus4(
            [W("a cat sat on the mat"), W("dogs run in the park")],
            [Refs("a cat sat on a mat"), Refs("dogs run in the park")]);
        var expected = Math.Pow(10.0 / 11 * (7.0 / 9) * (5.0 / 7) * (3.0 / 5), 0.25);
        Assert.That(score, Is.EqualTo(expected).Within(1e-12));
        Assert.That(score, Is.Not.EqualTo((Math.Pow(1.0 / 12, 0.25) + 1) / 2).Within(1e-3), "not the mean of the sentence scores");
    }

    [Test]
    public void Corpus_bleu_without_any_four_gram_match_is_zero_and_mismatched_lists_are_an_error()
    {
        Assert.That(Bleu.Corpus4([W("a cat sat")], [Refs("a cat sat")]), Is.Zero, "a three-word caption has no 4-grams");
        Assert.That(() => Bleu.Corpus4([W("a")], []), Throws.ArgumentException.With.Message.Contain("give one list per candidate"));
    }
}
