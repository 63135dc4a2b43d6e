namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// Mutants that survived the first Stryker.NET run of the public checks (stryker/results/), each written here as a student
/// would, and the strengthened check that now catches it: sizes that hide an off-by-one, tiny and huge magnitudes, several steps,
/// a subsample, empty captions, a single epoch; and sizes hard-coded to the public checks', which the hidden checks of the
/// layers (A1), the convolutions (A2) and the steps (A3) catch.
/// </summary>
[NonParallelizable]
public sealed class SurvivorMutantTests
{
    [Test]
    public void Each_survivor_of_the_first_run_is_caught_by_its_own_check()
    {
        var fits = Implementations.ReferenceBody("A2/StridedConv.cs", "Forward");
        var mutants = Implementations.Variant("stryker-survivors", new Dictionary<string, string>
        {
            ["Layers.SoftmaxLoss"] = Changed("A1/Layers.cs", "SoftmaxLoss", "scores.Max(1, keepDim: true)", "scores.Min(1, keepDim: true)"),
            ["Solver.CheckAccuracy"] = Changed("A1/Solver.cs", "CheckAccuracy", "count < n", "count < 0"),
            ["Solver.Train"] = Changed("A1/Solver.cs", "Train", "step * batch", "step / batch"),
            ["Adam.Step"] = Changed("A1/UpdateRules/Adam.cs", "Step", "vHat.Sqrt() + Epsilon", "vHat.Sqrt() - Epsilon"),
            ["StridedConv.Forward"] = "if (x.Shape[2] + (2 * padding) <= k.Shape[2]) { throw new ArgumentException(\"the kernel does not fit\"); }\n" + fits,
            ["TemporalLayers.TemporalSoftmaxLoss"] = Changed("A3/TemporalLayers.cs", "TemporalSoftmaxLoss", "scores - scores.Max(1, keepDim: true).Values", "scores"),
            ["Bleu.Unigram"] = Changed("A3/Bleu.cs", "Unigram", "candidate.Count == 0", "candidate.Count < 0"),
            ["TrainingLoop.Fit"] = Changed("A5/TrainingLoop.cs", "Fit", "(-1, (IReadOnlyDictionary", "(1, (IReadOnlyDictionary"),

            // Right on the public check's sizes only (3 outputs): the new hidden check of the layers draws other sizes.
            ["Layers.FcForward"] = "var output = x.MatMul(w) + b.Reshape(1, 3); return (output, new FcCache(x, w, b));",
            ["Convolution.Full"] = Changed("A2/Convolution.cs", "Full", "x.Pad([w - 1, w - 1, h - 1, h - 1])", "x.Pad([1, 1, 2, 2])"),
            ["TemporalLayers.TemporalAffineForward"] = Changed("A3/TemporalLayers.cs", "TemporalAffineForward", ".Reshape(x.Shape[0], x.Shape[1], w.Shape[1])", ".Reshape(3, 4, w.Shape[1])"),
        });
        string[] ids = ["a1.softmax_loss", "a1.solver_accuracy", "a1.solver_train", "a1.adam", "a2.strided_conv", "a3.temporal_softmax_loss", "a3.bleu", "a5.fit"];
        var results = HostProcess.Grade(Implementations.Grader(), mutants, null, ["--student-id", "s2", "--only", "a1.fc_forward", "a1.layers_hidden", "a2.conv_operations", "a2.convolution_hidden", "a3.temporal_layers", "a3.steps_hidden", .. ids]);
        Assert.Multiple(() =>
        {
            foreach (var id in ids)
            {
                Assert.That(results[id].Tag, Is.AnyOf("failed", "errored"), id);
            }

            Assert.That(results["a1.softmax_loss"].Output, Does.Contain("loss"));
            Assert.That(results["a1.solver_accuracy"].Output, Does.Contain("which is not k / 10"));
            Assert.That(results["a1.solver_train"].Output, Does.Contain("two consecutive steps trained on the same minibatch"));
            Assert.That(results["a1.adam"].Output, Does.Contain("gradients near ε"));
            Assert.That(results["a2.strided_conv"].Output, Does.Contain("the kernel does not fit"));
            Assert.That(results["a3.temporal_softmax_loss"].Output, Does.Contain("hundreds apart"));
            Assert.That(results["a3.bleu"].Output, Does.Contain("an empty caption"));
            Assert.That(results["a5.fit"].Output, Does.Contain("Fit(…, epochs: 1) threw"));
            Assert.That(results["a1.fc_forward"].Tag, Is.EqualTo("passed"), "the public sizes hide the hard-coded 3");
            Assert.That(results["a1.layers_hidden"].Tag, Is.AnyOf("failed", "errored"));
            Assert.That(results["a1.layers_hidden"].Output, Does.Contain("FcForward"));
            Assert.That(results["a2.conv_operations"].Tag, Is.EqualTo("passed"), "the public 3×2 kernel hides the hard-coded padding");
            Assert.That(results["a2.convolution_hidden"].Tag, Is.AnyOf("failed", "errored"));
            Assert.That(results["a2.convolution_hidden"].Output, Does.Contain("Convolution: full"));
            Assert.That(results["a3.temporal_layers"].Tag, Is.EqualTo("passed"), "the public sizes hide the hard-coded batch and length");
            Assert.That(results["a3.steps_hidden"].Tag, Is.AnyOf("failed", "errored"));
            Assert.That(results["a3.steps_hidden"].Output, Does.Contain("TemporalLayers"));
        });
    }

    /// <summary>
    /// Constants and sizes hard-coded to the public checks' (a regularisation of 0.3, three steps per epoch, the padding word
    /// 0, a state of 4, five regions, a vocabulary of 40, 2 × 6 targets): each passes its public check and fails the hidden check on drawn sizes, which names the
    /// member. A brevity penalty from the shortest reference (the public check catches it too) fails the hidden BLEU check. And
    /// a part that throws in a hidden check made of parts costs only that part's share (A5's pooling).
    /// </summary>
    [Test]
    public void Constants_of_the_public_checks_are_caught_by_the_hidden_checks_of_the_models()
    {
        var mutants = Implementations.Variant("public-constants", new Dictionary<string, string>
        {
            ["SoftmaxClassifier.Loss"] = Changed("A1/SoftmaxClassifier.cs", "Loss", "dw + (Reg * w)", "dw + (0.3 * w)"),
            ["Solver.Train"] = Changed("A1/Solver.cs", "Train", "Math.Max(n / batch, 1)", "3"),
            ["CaptioningRnn.Loss"] = Changed("A3/CaptioningRnn.cs", "Loss", "target.Ne(NullToken)", "target.Ne(0L)"),
            ["LstmDecoder.Start"] = Changed("A3/LstmDecoder.cs", "Start", "Tensor.ZerosLike(h)", "Tensor.Zeros([h.Shape[0], 4], DType.Float64)"),
            ["AdditiveAttention.Forward"] = Changed("A3/AdditiveAttention.cs", "Forward", ".Tanh()).Squeeze(2)", ".Tanh()).Reshape(regions.Shape[0], 5)"),
            ["Bleu.Unigram"] = Changed("A3/Bleu.cs", "Unigram", "ClosestLength(candidate.Count, references)", "references.Min(r => r.Count)"),
            ["GloveEmbeddings.Table"] = Changed("A5/GloveEmbeddings.cs", "Table", "new float[vocabulary.Count * dimension]", "new float[40 * dimension]"),
            ["Perplexity.Compute"] = Changed("A6/Perplexity.cs", "Compute", ".Squeeze(2);", ".Reshape(2, 6);"),

            // A part of an older hidden check that throws: only that part's share is lost.
            ["SequencePooling.Average"] = "throw new InvalidOperationException(\"not today\");",
        });
        string[] visible = ["a1.softmax_classifier", "a1.solver_train", "a3.captioning_loss", "a3.lstm_decoder", "a3.additive_attention", "a5.glove_table", "a6.perplexity"];
        string[] hidden = ["a1.models_hidden", "a3.captioning_loss_hidden", "a3.decoders_hidden", "a3.bleu_hidden", "a5.pooling_hidden", "a5.glove_table_hidden", "a6.perplexity_hidden"];
        var results = HostProcess.Grade(Implementations.Grader(), mutants, null, ["--student-id", "s2", "--only", .. visible, .. hidden]);
        Assert.Multiple(() =>
        {
            foreach (var id in visible)
            {
                Assert.That(results[id].Tag, Is.EqualTo("passed"), $"{id}: the public sizes hide the constant");
            }

            foreach (var id in hidden)
            {
                Assert.That(results[id].Tag, Is.AnyOf("failed", "errored"), id);
            }

            Assert.That(results["a1.models_hidden"].Output, Does.Contain("SoftmaxClassifier: dW").And.Contain("Solver.Train: after"));
            Assert.That(results["a3.captioning_loss_hidden"].Output, Does.Contain("rnn loss").And.Contain("lstm loss"));
            Assert.That(results["a3.decoders_hidden"].Output, Does.Contain("AdditiveAttention: ").And.Contain("LstmDecoder: "));
            Assert.That(results["a3.bleu_hidden"].Output, Does.Contain("Bleu.Unigram"));
            Assert.That(results["a5.pooling_hidden"].Score, Is.EqualTo(results["a5.pooling_hidden"].MaxScore / 2), "the last real word's part still counts");
            Assert.That(results["a5.pooling_hidden"].Output, Does.Contain("InvalidOperationException: not today").And.Contain("SequencePooling.Average"));
        });
    }

    private static string Changed(string file, string method, string from, string to)
    {
        var body = Implementations.ReferenceBody(file, method);
        Assert.That(body, Does.Contain(from), "the mutant's anchor must be in the reference");
        return body.Replace(from, to, StringComparison.Ordinal);
    }
}
