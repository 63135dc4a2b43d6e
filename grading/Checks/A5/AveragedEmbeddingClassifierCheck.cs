using Autograder.Grading.Checks;
using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>
/// The averaged-embedding model: built from a pretrained table it keeps the table and goes on learning; its parameters; with
/// set weights the probabilities of a padded batch (padded positions hold non-zero vectors) and the gradients.
/// </summary>
internal sealed class AveragedEmbeddingClassifierCheck() : A5Check("a5.averaged_embedding_classifier", "AveragedEmbeddingClassifier: random and GloVe-initialised, probabilities, gradients", 1.5,
    "Homework.A5.AveragedEmbeddingClassifier.Forward")
{
    protected override IReadOnlyList<Substitution> Substitutes => [PoolingFile];

    private static (string Name, int[] Shape)[] Parameters(SentenceProbe.Sizes s) => [("embed.weight", [s.V, s.D]), ("linear.weight", [1, s.D]), ("linear.bias", [1])];

    public override Observation Probe(ProbeContext context)
    {
        var s = SentenceProbe.Public;
        var observation = new Observation();
        var pretrained = context.Randn(s.V, s.D).To(DType.Float32);
        ClassifierProbe.Pretrained(observation, new AveragedEmbeddingClassifier(pretrained), pretrained);
        return ClassifierProbe.Run(context, new AveragedEmbeddingClassifier(s.V, s.D), Parameters(s), s, observation);
    }

    public override Verdict Judge(Observation student, Observation expected) =>
        ClassifierProbe.ScorePretrained(ClassifierProbe.Score(student, expected, Parameters(SentenceProbe.Public), "_embed, _linear"), student).Verdict;
}
