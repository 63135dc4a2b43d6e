namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// A5's checks against the mistakes the assignment invites, each written into a copy of the reference: every mutant is caught
/// by its own check with a message that names it, and the models built on a faulty part are graded with the reference's part.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class A5MutantTests
{
    /// <summary>
    /// Counts instead of presence, the mean over the padded length, the last padded position, GloVe rows shifted against the
    /// vocabulary, the GloVe embeddings frozen, BCE-with-logits on probabilities (the sigmoid twice), development batches
    /// trained on, and a strict threshold.
    /// </summary>
    [Test]
    public void A5_mutants_are_caught_and_the_models_are_isolated()
    {
        var mutants = Implementations.Variant("a5-mutants", new Dictionary<string, string>
        {
            ["BagOfWords.Vectors"] = Changed("A5/BagOfWords.cs", "Vectors", "ids[(row * t) + position]] = 1;", "ids[(row * t) + position]] += 1;"),
            ["SequencePooling.Average"] = "return vectors.Mean(1);",
            ["SequencePooling.LastRealToken"] = "return vectors.Select(1, vectors.Shape[1] - 1);",
            ["GloveEmbeddings.Table"] = Changed("A5/GloveEmbeddings.cs", "Table", "vectors.TryGetValue(vocabulary[id], out var vector)", "vectors.TryGetValue(vocabulary[id - 1], out var vector)"),
            ["RnnClassifier.RnnClassifier"] = Changed("A5/RnnClassifier.cs", "RnnClassifier", "freeze: false", "freeze: true"),
            ["SentimentTraining.TrainEpoch"] = Changed("A5/SentimentTraining.cs", "TrainEpoch", "Functional.BinaryCrossEntropy(", "Functional.BinaryCrossEntropyWithLogits("),
            ["SentimentTraining.Predict"] = Changed("A5/SentimentTraining.cs", "Predict", ".Ge(Threshold)", ".Gt(Threshold)"),
            ["TrainingLoop.Fit"] = Changed("A5/TrainingLoop.cs", "Fit", "trainBatches())", "trainBatches().Concat(devBatches))"),
        });
        var results = HostProcess.Grade(Implementations.Grader(), mutants, null, "--assignment", "a5");
        Assert.Multiple(() =>
        {
            Assert.That(results["a5.bag_of_words"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a5.bag_of_words"].Output, Does.Contain("presence, not counts"));
            Assert.That(results["a5.bag_of_words_classifier"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a5.bag_of_words_classifier"].Output, Does.StartWith("graded with the reference's A5/BagOfWords.cs"));
            Assert.That(results["a5.average_pooling"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a5.average_pooling"].Output, Does.Contain("mean over all T positions"));
            Assert.That(results["a5.last_real_token"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a5.last_real_token"].Output, Does.Contain("last, padded, position"));
            Assert.That(results["a5.averaged_embedding_classifier"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a5.averaged_embedding_classifier"].Output, Does.StartWith("graded with the reference's A5/SequencePooling.cs"));
            Assert.That(results["a5.lstm_classifier"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a5.rnn_classifier"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a5.rnn_classifier"].Output, Does.Contain("freeze: false").And.Not.Contain("probabilities (N)"));
            Assert.That(results["a5.glove_table"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a5.glove_table"].Output, Does.Contain("row i must be the vector of vocabulary word i"));
            Assert.That(results["a5.train_epoch"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a5.train_epoch"].Output, Does.Contain("mean loss of the epoch"));
            Assert.That(results["a5.predict"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a5.predict"].Output, Does.Contain("exactly 0.5"));
            Assert.That(results["a5.fit"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a5.fit"].Output, Does.StartWith("graded with the reference's A5/SentimentTraining.cs").And.Contain("never be trained on"));
            Assert.That(results["a5.pooling_hidden"].Score, Is.Zero, "both pooling mutants show on unseen sizes too");
            Assert.That(results["a5.bag_of_words_hidden"].Tag, Is.EqualTo("failed"));
        });
    }

    /// <summary>The epoch chosen on development data: a loop that keeps the last epoch's weights, or never restores, is caught.</summary>
    [Test]
    public void A5_training_loop_that_keeps_the_last_epoch_is_caught()
    {
        var mutants = Implementations.Variant("a5-last-epoch", new Dictionary<string, string>
        {
            ["TrainingLoop.Fit"] = Changed("A5/TrainingLoop.cs", "Fit", "model.LoadStateDict(best);", "_ = best;"),
        });
        var results = HostProcess.Grade(Implementations.Grader(), mutants, null, "--assignment", "a5", "--only", "a5.fit", "a5.train_epoch");
        Assert.Multiple(() =>
        {
            Assert.That(results["a5.train_epoch"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a5.fit"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a5.fit"].Output, Does.Contain("the best epoch's, not the last's"));
        });
    }

    /// <summary>
    /// Fairness: recurrent models that run over the padding (not passing the lengths to the layer, as the assignment allows)
    /// read the same state at the last real word and get full marks, public and hidden.
    /// </summary>
    [Test]
    public void A5_recurrent_models_that_run_over_the_padding_get_full_marks()
    {
        var variant = Implementations.Variant("a5-padded", new Dictionary<string, string>
        {
            ["RnnClassifier.Forward"] = Changed("A5/RnnClassifier.cs", "Forward", ", lengths: lengths)", ")"),
            ["LstmClassifier.Forward"] = Changed("A5/LstmClassifier.cs", "Forward", ", lengths: lengths)", ")"),
        });
        var results = HostProcess.Grade(Implementations.Grader(), variant, null, "--assignment", "a5", "--only", "a5.rnn_classifier", "a5.lstm_classifier", "a5.lstm_classifier_hidden");
        Assert.Multiple(() =>
        {
            foreach (var id in new[] { "a5.rnn_classifier", "a5.lstm_classifier", "a5.lstm_classifier_hidden" })
            {
                Assert.That(results[id].Tag, Is.EqualTo("passed"), results[id].Output);
                Assert.That(results[id].Score, Is.EqualTo(results[id].MaxScore), id);
            }
        });
    }

    private static string Changed(string file, string method, string from, string to)
    {
        var body = Implementations.ReferenceBody(file, method);
        Assert.That(body, Does.Contain(from), "the mutant's anchor must be in the reference");
        return body.Replace(from, to, StringComparison.Ordinal);
    }
}
