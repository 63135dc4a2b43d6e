using Autograder.Grading.Checks;
using Autograder.Host.Checks.A5;
using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Experiments.A5;

/// <summary>Model 1 on SST-2: the bag-of-words vector → Linear → sigmoid (Adam 10⁻³). Bands: see <see cref="Bands"/>.</summary>
internal sealed class BagOfWordsExperiment : SentimentExperiment
{
    public override CheckInfo Info { get; } = new("a5.bag_of_words_sst2", "A5", "Experiment: bag of words on SST-2, test accuracy", 3,
        Visibility.Visible, TimeSpan.FromMinutes(20), ["Homework.A5.BagOfWordsClassifier.Forward"]) { Substitutes = A5Check.ExperimentParts };

    public override string ModelName => "bag of words";

    /// <inheritdoc/>
    /// <remarks>Reference test accuracy 78.4 % (full, 10 epochs), 76.1 % (quick, 4 epochs).</remarks>
    protected override (double Floor, double Target) Bands => (0.60, 0.74);

    protected override SentenceClassifier Create(SentimentData data, Generator generator) => new BagOfWordsClassifier(data.Vocabulary.Count);
}
