using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A5.Hidden;

/// <summary>BagOfWords.Vectors on per-student sizes, vocabulary and lengths (hidden).</summary>
internal sealed class BagOfWordsHiddenCheck() : A5Check("a5.bag_of_words_hidden", "BagOfWords on unseen sizes and lengths", 0.5, Visibility.Hidden,
    "Homework.A5.BagOfWords.Vectors")
{
    public override Observation Probe(ProbeContext context) => BagOfWordsCheck.Run(context, SentenceProbe.Sizes.Draw(context));

    public override Verdict Judge(Observation student, Observation expected) => BagOfWordsCheck.Score(student, expected);
}
