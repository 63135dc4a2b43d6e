using Autograder.Grading.Checks;
using Autograder.Host.Checks.A5;
using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Experiments.A5;

/// <summary>
/// Model 3 on SST-2: the averaged-embedding model with its embeddings initialised from GloVe (the student's
/// <see cref="GloveEmbeddings.Table"/>) and trained. Graded against its own band, never against model 2: 25-d Twitter vectors
/// need not beat random ones. Bands: see <see cref="Bands"/>.
/// </summary>
internal sealed class GloveAveragedExperiment : SentimentExperiment
{
    public override CheckInfo Info { get; } = new("a5.glove_averaged_sst2", "A5", "Experiment: GloVe-initialised averaged embeddings on SST-2, test accuracy", 3,
        Visibility.Visible, TimeSpan.FromMinutes(20), ["Homework.A5.AveragedEmbeddingClassifier.Forward"]) { Substitutes = A5Check.ExperimentParts };

    public override string ModelName => "GloVe averaged embeddings";

    /// <inheritdoc/>
    /// <remarks>Reference test accuracy 81.1 % (full and quick: the best development epoch is the second).</remarks>
    protected override (double Floor, double Target) Bands => (0.60, 0.77);

    protected override double LearningRate => 1e-2;

    protected override bool UsesGlove => true;

    protected override SentenceClassifier Create(SentimentData data, Generator generator) =>
        new AveragedEmbeddingClassifier(GloveEmbeddings.Table(data.Vocabulary.Tokens, data.Glove(), generator));
}
