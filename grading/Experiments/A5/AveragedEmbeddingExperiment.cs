using Autograder.Grading.Checks;
using Autograder.Host.Checks.A5;
using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Experiments.A5;

/// <summary>Model 2 on SST-2: random 25-d word embeddings averaged over the real words → Linear → sigmoid (Adam). Bands: see <see cref="Bands"/>.</summary>
internal sealed class AveragedEmbeddingExperiment : SentimentExperiment
{
    /// <summary>The size of a word vector: GloVe's, so that models 2 and 3 differ only in where the embeddings start.</summary>
    public const int EmbeddingDim = 25;

    public override CheckInfo Info { get; } = new("a5.averaged_embeddings_sst2", "A5", "Experiment: averaged word embeddings on SST-2, test accuracy", 3,
        Visibility.Visible, TimeSpan.FromMinutes(20), ["Homework.A5.AveragedEmbeddingClassifier.Forward"]) { Substitutes = A5Check.ExperimentParts };

    public override string ModelName => "averaged embeddings";

    /// <inheritdoc/>
    /// <remarks>Reference test accuracy 81.3 % (full and quick: the best development epoch is the third).</remarks>
    protected override (double Floor, double Target) Bands => (0.60, 0.77);

    protected override double LearningRate => 1e-2;

    protected override SentenceClassifier Create(SentimentData data, Generator generator) => new AveragedEmbeddingClassifier(data.Vocabulary.Count, EmbeddingDim);
}
