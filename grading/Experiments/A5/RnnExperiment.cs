using Autograder.Grading.Checks;
using Autograder.Host.Checks.A5;
using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Experiments.A5;

/// <summary>Model 4 on SST-2: GloVe-initialised embeddings → a RNN with <see cref="HiddenDim"/> units → Linear on the last real word → sigmoid (Adam). Bands: see <see cref="Bands"/>.</summary>
internal sealed class RnnExperiment : SentimentExperiment
{
    /// <summary>H, the size of the RNN's state.</summary>
    public const int HiddenDim = 128;

    public override CheckInfo Info { get; } = new("a5.rnn_sst2", "A5", "Experiment: GloVe-initialised RNN on SST-2, test accuracy", 3,
        Visibility.Visible, TimeSpan.FromMinutes(30), ["Homework.A5.RnnClassifier.Forward"]) { Substitutes = A5Check.ExperimentParts };

    public override string ModelName => "RNN";

    /// <inheritdoc/>
    /// <remarks>Reference test accuracy 74.6 % (full, 10 epochs), 72.3 % (quick, 4 epochs).</remarks>
    protected override (double Floor, double Target) Bands => (0.55, 0.68);

    protected override bool UsesGlove => true;

    protected override SentenceClassifier Create(SentimentData data, Generator generator) =>
        new RnnClassifier(GloveEmbeddings.Table(data.Vocabulary.Tokens, data.Glove(), generator), HiddenDim);
}
