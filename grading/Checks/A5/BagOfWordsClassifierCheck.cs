using Autograder.Grading.Checks;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>The bag-of-words model: its parameters, and with set weights the probabilities of a padded batch and the gradients.</summary>
internal sealed class BagOfWordsClassifierCheck() : A5Check("a5.bag_of_words_classifier", "BagOfWordsClassifier: parameters, probabilities, gradients", 1,
    "Homework.A5.BagOfWordsClassifier.Forward")
{
    protected override IReadOnlyList<Substitution> Substitutes => [BagOfWordsFile];

    private static (string Name, int[] Shape)[] Parameters(SentenceProbe.Sizes s) => [("linear.weight", [1, s.V]), ("linear.bias", [1])];

    public override Observation Probe(ProbeContext context)
    {
        var s = SentenceProbe.Public;
        return ClassifierProbe.Run(context, new BagOfWordsClassifier(s.V), Parameters(s), s);
    }

    public override Verdict Judge(Observation student, Observation expected) =>
        ClassifierProbe.Score(student, expected, Parameters(SentenceProbe.Public), "_linear").Verdict;
}
