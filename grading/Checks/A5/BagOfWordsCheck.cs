using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>
/// BagOfWords.Vectors on a padded batch with a repeated word, the unknown word and sentences of one word to all T: ones
/// where a word is present (not counts), the unknown word's column set, padding setting nothing.
/// </summary>
internal sealed class BagOfWordsCheck() : A5Check("a5.bag_of_words", "BagOfWords: binary presence vectors, unknown words, padding", 1, "Homework.A5.BagOfWords.Vectors")
{
    public override Observation Probe(ProbeContext context) => Run(context, SentenceProbe.Public);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>Records the vectors of a batch drawn for <paramref name="sizes"/>, and the counts a counting bag would give.</summary>
    public static Observation Run(ProbeContext context, SentenceProbe.Sizes sizes)
    {
        var (tokens, lengths) = SentenceProbe.Batch(context, sizes);
        return new Observation { ["vectors"] = BagOfWords.Vectors(tokens, lengths, sizes.V).To(DType.Float64) };
    }

    /// <summary>Compares with the reference, naming counts and set padding columns.</summary>
    public static Verdict Score(Observation student, Observation expected)
    {
        var (actual, wanted) = (student["vectors"], expected["vectors"]);
        if (!actual.Shape.SequenceEqual(wanted.Shape))
        {
            return Verdict.Fail($"Expected (N, V) = ({string.Join(", ", wanted.Shape.ToArray())}); got ({string.Join(", ", actual.Shape.ToArray())}).");
        }

        var card = new Scorecard()
            .Property(actual.Le(1.0).All(), "A value above 1: a word that appears twice must still give 1 (presence, not counts).", weight: 0.5)
            .Property(actual.Select(1, 0).Eq(0.0).All(), "Column 0 (the padding word) is set: positions at and after a sentence's length are padding, not words.", weight: 0.5)
            .Value("the bag-of-words vectors", actual, wanted, weight: 2);
        return card.Verdict;
    }
}
