using Autograder.Grading.Checks;
using Autograder.Host.Checks.A5;
using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Experiments.A5;

/// <summary>Model 5 on SST-2: GloVe-initialised embeddings → a LSTM with <see cref="HiddenDim"/> units → Linear on the last real word → sigmoid (Adam). Bands: see <see cref="Bands"/>.</summary>
internal sealed class LstmExperiment : SentimentExperiment
{
    /// <summary>H, the size of the LSTM's state.</summary>
    public const int HiddenDim = 128;

    public override CheckInfo Info { get; } = new("a5.lstm_sst2", "A5", "Experiment: GloVe-initialised LSTM on SST-2, test accuracy", 3,
        Visibility.Visible, TimeSpan.FromMinutes(30), ["Homework.A5.LstmClassifier.Forward"]) { Substitutes = A5Check.ExperimentParts };

    public override string ModelName => "LSTM";

    /// <inheritdoc/>
    /// <remarks>Reference test accuracy 79.4 % (full, 10 epochs), 75.5 % (quick, 4 epochs).</remarks>
    protected override (double Floor, double Target) Bands => (0.55, 0.72);

    protected override bool UsesGlove => true;

    protected override SentenceClassifier Create(SentimentData data, Generator generator) =>
        new LstmClassifier(GloveEmbeddings.Table(data.Vocabulary.Tokens, data.Glove(), generator), HiddenDim);
}
