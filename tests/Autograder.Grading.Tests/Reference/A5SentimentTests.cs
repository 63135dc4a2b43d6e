using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A5;

namespace Autograder.Grading.Tests.Reference;

/// <summary>The reference's A5 parts on cases worked out by hand, and its models learning a separable toy task.</summary>
public sealed class A5SentimentTests
{
    // Two sentences over a vocabulary of 5: "3 3 1" (a repeated word and <unk>) and "4" padded with zeros.
    private static readonly Tensor Tokens = Tensor.FromArray(new long[] { 3, 3, 1, 4, 0, 0 }, 2, 3);
    private static readonly Tensor Lengths = Tensor.FromArray(new long[] { 3, 1 }, 2);

    [Test]
    public void Bag_of_words_marks_presence_of_real_words_only()
    {
        var bags = BagOfWords.Vectors(Tokens, Lengths, 5).ToArray<float>();
        Assert.That(bags, Is.EqualTo(new float[] { 0, 1, 0, 1, 0, 0, 0, 0, 0, 1 }));
    }

    [Test]
    public void Average_leaves_padding_out_of_sum_and_count()
    {
        // Vectors 1, 2, 3 (as 1-d) for sentence 0 and 10, 99, 99 for sentence 1 (99 is padding): means 2 and 10.
        var vectors = Tensor.FromArray(new double[] { 1, 2, 3, 10, 99, 99 }, 2, 3, 1);
        Assert.That(SequencePooling.Average(vectors, Lengths).ToArray<double>(), Is.EqualTo(new[] { 2.0, 10.0 }));
        Assert.That(SequencePooling.LastRealToken(vectors, Lengths).ToArray<double>(), Is.EqualTo(new[] { 3.0, 10.0 }));
    }

    [Test]
    public void Glove_table_follows_the_vocabulary_and_fills_missing_words_with_glove_spread()
    {
        var vectors = new Dictionary<string, float[]> { ["good"] = [1, -1], ["bad"] = [-1, 1] }; // values ±1: deviation 1
        var vocabulary = new List<string> { "<pad>", "<unk>", "bad", "good" };
        vocabulary.AddRange(Enumerable.Range(0, 2000).Select(i => $"rare{i}"));
        var table = GloveEmbeddings.Table(vocabulary, vectors, new Generator(3));
        Assert.Multiple(() =>
        {
            Assert.That(table[0].ToArray<float>(), Is.EqualTo(new float[] { 0, 0 }));
            Assert.That(table[2].ToArray<float>(), Is.EqualTo(new float[] { -1, 1 }));
            Assert.That(table[3].ToArray<float>(), Is.EqualTo(new float[] { 1, -1 }));
            var missing = table.Narrow(0, 4, 2000).To(DType.Float64);
            Assert.That(Math.Sqrt(missing.Square().Mean().Item()), Is.EqualTo(1).Within(0.05));
        });
    }

    [Test]
    public void Predictions_are_one_at_the_threshold_and_the_mode_is_restored()
    {
        Init.ManualSeed(0);
        var model = new AveragedEmbeddingClassifier(5, 2);
        foreach (var (_, parameter) in model.NamedParameters())
        {
            parameter.Detach().Zero_();
        }

        var predictions = SentimentTraining.Predict(model, [new SentenceBatch(Tokens, Lengths)]);
        Assert.Multiple(() =>
        {
            Assert.That(predictions.ToArray<long>(), Is.EqualTo(new long[] { 1, 1 }), "all weights zero: probability exactly 0.5");
            Assert.That(model.Training, Is.True);
        });
    }

    [TestCase("bag of words")]
    [TestCase("averaged")]
    [TestCase("rnn")]
    [TestCase("lstm")]
    public void Each_model_learns_which_word_decides_the_label(string kind)
    {
        // Label 1 exactly when word 2 occurs; other words 3…9 are noise; lengths 1–6.
        var generator = new Generator(11);
        var sentences = Enumerable.Range(0, 256).Select(_ => Enumerable.Range(0, (int)generator.NextInt64(1, 7)).Select(_ => generator.NextInt64(2, 10)).ToArray()).ToList();
        var labels = sentences.Select(s => s.Contains(2) ? 1f : 0f).ToArray();
        var width = sentences.Max(s => s.Length);
        var tokens = new long[sentences.Count * width];
        for (var i = 0; i < sentences.Count; i++)
        {
            sentences[i].CopyTo(tokens, i * width);
        }

        var batch = new SentenceBatch(Tensor.FromArray(tokens, sentences.Count, width), Tensor.FromArray(sentences.Select(s => (long)s.Length).ToArray(), sentences.Count), Tensor.FromArray(labels, labels.Length));
        Init.ManualSeed(1);
        var table = Tensor.Randn(new Generator(2), [10, 4]) * 0.5;
        SentenceClassifier model = kind switch
        {
            "bag of words" => new BagOfWordsClassifier(10),
            "averaged" => new AveragedEmbeddingClassifier(10, 4),
            "rnn" => new RnnClassifier(table, 16),
            _ => new LstmClassifier(table, 16),
        };
        var optimizer = new Adam(model.Parameters(), lr: 0.05);
        var history = TrainingLoop.Fit(model, optimizer, () => [batch], [batch], 60);
        Assert.Multiple(() =>
        {
            Assert.That(history.TrainingLoss[^1], Is.LessThan(history.TrainingLoss[0] / 2));
            Assert.That(history.DevAccuracy.Max(), Is.GreaterThanOrEqualTo(0.95));
        });
    }
}
