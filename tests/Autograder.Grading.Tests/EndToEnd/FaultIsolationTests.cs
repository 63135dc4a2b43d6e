namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Composite checks are isolated from faulty parts, and a submission folder is built by the grader (a compile error is a result).</summary>
[NonParallelizable]
public sealed class FaultIsolationTests
{
    [Test]
    public void A_broken_FcBackward_costs_its_own_points_but_not_the_model_checks()
    {
        var broken = Implementations.Variant("broken-layers", new Dictionary<string, string>
        {
            ["Layers.FcBackward"] = "return (dout.MatMul(cache.W.T), dout.T.MatMul(cache.X), dout.Sum(0));",
        });
        var results = HostProcess.Grade(Implementations.Grader(), broken);
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.fc_backward"].Tag, Is.EqualTo("failed"));
            foreach (var id in new[] { "a1.two_layer_net", "a1.two_layer_net_hidden", "a1.softmax_classifier" })
            {
                Assert.That(results[id].Tag, Is.EqualTo("passed"), id);
                Assert.That(results[id].Output, Does.StartWith("graded with the reference's A1/Layers.cs in place of yours, because a1.fc_backward"), id);
            }
        });
    }

    [Test]
    public void A_fault_in_the_model_itself_is_still_caught_when_the_layers_are_substituted()
    {
        var broken = Implementations.Variant("broken-model", new Dictionary<string, string>
        {
            ["Layers.ReluBackward"] = "return dout;",
            ["TwoLayerNet.Scores"] = "return Layers.FcForward(Layers.FcForward(x, Parameters[\"W1\"], Parameters[\"b1\"]).Out, Parameters[\"W2\"], Parameters[\"b2\"]).Out;",
        });
        var results = HostProcess.Grade(Implementations.Grader(), broken);
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.relu_backward"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.two_layer_net"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.two_layer_net"].Output, Does.Contain("graded with the reference's A1/Layers.cs").And.Contain("scores["));
            Assert.That(results["a1.two_layer_net"].Score, Is.EqualTo(4).Within(1e-9), "only the scores are wrong once ReluBackward is the reference's");
        });
    }

    /// <summary>A2 mutants: an unflipped kernel is named by its own check, and the layer check is isolated from it; a pooling gradient spread over the whole window is caught.</summary>
    [Test]
    public void A2_mutants_are_caught_and_the_layer_is_isolated_from_a_wrong_valid_convolution()
    {
        var mutants = Implementations.Variant("a2-mutants", new Dictionary<string, string>
        {
            ["Convolution.Valid"] = "return Filter(x, k);",
            ["MaxPool.Backward"] = "var x = cache.X; var (n, c, h, w) = (x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3]); var (oh, ow) = (dout.Shape[2], dout.Shape[3]); var up = dout.ToArray<double>(); var dx = new double[n * c * h * w]; for (var p = 0; p < n * c; p++) for (var i = 0; i < oh; i++) for (var j = 0; j < ow; j++) for (var a = 0; a < cache.Size; a++) for (var b = 0; b < cache.Size; b++) dx[(p * h * w) + (((i * cache.Stride) + a) * w) + (j * cache.Stride) + b] += up[(p * oh * ow) + (i * ow) + j]; return Tensor.FromArray(dx, n, c, h, w);",
        });
        var results = HostProcess.Grade(Implementations.Grader(), mutants);
        Assert.Multiple(() =>
        {
            Assert.That(results["a2.conv_operations"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a2.conv_operations"].Output, Does.Contain("the kernel must be flipped"));
            Assert.That(results["a2.conv_layer"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a2.conv_layer"].Output, Does.StartWith("graded with the reference's A2/Convolution.cs"));
            Assert.That(results["a2.max_pool"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a2.max_pool"].Output, Does.Contain("dx (2×2, stride 2)"));
        });
    }

    /// <summary>
    /// More A2 mutants: padding off by one, the bias gradient summed over the wrong axes, gradients never zeroed in the training
    /// loop, a forgotten dropout, an unscaled attention form. Each is caught by its own check; the ConvNet is graded with the
    /// reference's general convolution in place of the faulty one.
    /// </summary>
    [Test]
    public void A2_general_conv_and_framework_mutants_are_caught_and_the_conv_net_is_isolated()
    {
        var forward = Implementations.ReferenceBody("A2/StridedConv.cs", "Forward");
        var backward = Implementations.ReferenceBody("A2/StridedConv.cs", "Backward");
        var train = Implementations.ReferenceBody("A2/FashionTraining.cs", "TrainEpoch");
        var cnn = Implementations.ReferenceBody("A2/FashionCnn.cs", "Forward");
        var mutants = Implementations.Variant("a2-general-mutants", new Dictionary<string, string>
        {
            ["StridedConv.Forward"] = Changed(forward, "x.Pad([padding, padding, padding, padding])", "x.Pad([padding + 1, padding, padding + 1, padding])"),
            ["StridedConv.Backward"] = Changed(backward, "dout.Sum([0, 2, 3])", "dout.Sum([0, 1, 2])"),
            ["FashionTraining.TrainEpoch"] = Changed(train, "optimizer.ZeroGrad();", ""),
            ["FashionCnn.Forward"] = Changed(cnn, "_dropout.Call(_fc1.Call(x).Relu())", "_fc1.Call(x).Relu()"),
            ["Answers.AttentionBilinearForm"] = "return wq.MatMul(wk.T);",

            // H / stride windows: right for the public check's sizes (6×4 in 2/2, 7×7 in 3/2), wrong once windows overlap or leave gaps.
            ["MaxPool.Forward"] = "ArgumentNullException.ThrowIfNull(x); var (n, c, h, w) = (x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3]); var (oh, ow) = (h / stride, w / stride); var v = x.ToArray<double>(); var y = new double[n * c * oh * ow]; for (var p = 0; p < n * c; p++) for (var i = 0; i < oh; i++) for (var j = 0; j < ow; j++) { var best = double.NegativeInfinity; for (var a = 0; a < size; a++) for (var b = 0; b < size; b++) best = Math.Max(best, v[(p * h * w) + (((i * stride) + a) * w) + (j * stride) + b]); y[(p * oh * ow) + (i * ow) + j] = best; } return (Tensor.FromArray(y, n, c, oh, ow), new MaxPoolCache(x, size, stride));",
        });
        var results = HostProcess.Grade(Implementations.Grader(), mutants);
        Assert.Multiple(() =>
        {
            Assert.That(results["a2.strided_conv"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a2.strided_conv"].Output, Does.Contain("Y (stride 2, padding 1)").And.Contain("db (stride 1, padding 2)"));
            Assert.That(results["a2.strided_conv_hidden"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a2.conv_net"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a2.conv_net"].Output, Does.StartWith("graded with the reference's A2/StridedConv.cs"));
            Assert.That(results["a2.fashion_training"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a2.fashion_training"].Output, Does.Contain("after one epoch of SGD steps"));
            Assert.That(results["a2.fashion_cnn"].Score, Is.EqualTo(4 * 4 / 4.5).Within(1e-4), "all but the dropout part (0.5 of 4.5)");
            Assert.That(results["a2.fashion_cnn"].Output, Does.Contain("dropout (p = 0.25) after fc1's ReLU is missing"));
            Assert.That(results["a2.theory_attention"].Score, Is.EqualTo(3 * 2 / 4.0).Within(1e-9), "rank and invariance right; the probabilities wrong without 1/√d");
            Assert.That(results["a2.conv_layer"].Tag, Is.EqualTo("passed"), "unmutated members still pass");
            Assert.That(results["a2.max_pool"].Tag, Is.EqualTo("passed"), "the public sizes do not show an output size of H / stride");
            Assert.That(results["a2.max_pool_hidden"].Tag, Is.Not.EqualTo("passed"), "the drawn sizes do");
        });
    }

    /// <summary>
    /// A3 mutants from the assignment's common mistakes: tanh' written as 1 − h, the gradient from step t + 1 dropped in
    /// backpropagation through time, the mask ignored, two LSTM gates swapped. Each is caught by its own check; the captioning
    /// model is graded with the reference's layers in place of the faulty ones.
    /// </summary>
    [Test]
    public void A3_recurrent_mutants_are_caught_and_the_captioning_model_is_isolated()
    {
        var mutants = Implementations.Variant("a3-mutants", new Dictionary<string, string>
        {
            ["RnnStep.Backward"] = Changed(Implementations.ReferenceBody("A3/RnnStep.cs", "Backward"), "(1.0 - cache.NextH.Square())", "(1.0 - cache.NextH)"),
            ["Rnn.Backward"] = Changed(Implementations.ReferenceBody("A3/Rnn.cs", "Backward"), "dh.Select(1, t) + dprev", "dh.Select(1, t)"),
            ["TemporalLayers.TemporalSoftmaxLoss"] = Changed(Changed(Implementations.ReferenceBody("A3/TemporalLayers.cs", "TemporalSoftmaxLoss"),
                "(logProbabilities.Gather(1, targets) * weights)", "logProbabilities.Gather(1, targets)"), "* weights / n", "/ n"),
            ["LstmStep.Forward"] = Changed(Implementations.ReferenceBody("A3/LstmStep.cs", "Forward"), "var f = a.Narrow(1, 0, hidden)", "var f = a.Narrow(1, hidden, hidden)")
                .Replace("var i = a.Narrow(1, hidden, hidden)", "var i = a.Narrow(1, 0, hidden)", StringComparison.Ordinal),
        });
        var results = HostProcess.Grade(Implementations.Grader(), mutants);
        Assert.Multiple(() =>
        {
            Assert.That(results["a3.rnn_step"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a3.rnn_step"].Output, Does.Contain("dx"));
            Assert.That(results["a3.rnn_sequence"].Tag, Is.EqualTo("failed"), "the dropped t + 1 term fails even with the reference's step");
            Assert.That(results["a3.rnn_sequence"].Output, Does.StartWith("graded with the reference's A3/RnnStep.cs"));
            Assert.That(results["a3.temporal_softmax_loss"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a3.temporal_softmax_loss"].Output, Does.Contain("loss with padding masked").And.Not.Contain("loss with every step counted"));
            Assert.That(results["a3.lstm_step"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a3.lstm_step"].Output, Does.Contain("next_h"));
            Assert.That(results["a3.lstm_sequence"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a3.captioning_loss"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a3.captioning_loss"].Output, Does.StartWith("graded with the reference's"));
            Assert.That(results["a3.temporal_layers"].Tag, Is.EqualTo("passed"), "unmutated members still pass");
        });
    }

    /// <summary>More A3 mutants: the loss averaged over time as well as over the batch, and c_t used where c_{t−1} belongs in the forget gate's gradient.</summary>
    [Test]
    public void A3_loss_scaling_and_cell_state_mutants_are_caught()
    {
        var mutants = Implementations.Variant("a3-more-mutants", new Dictionary<string, string>
        {
            ["TemporalLayers.TemporalSoftmaxLoss"] = Changed(Implementations.ReferenceBody("A3/TemporalLayers.cs", "TemporalSoftmaxLoss"), "var (n, vocabulary) = (x.Shape[0], x.Shape[2]);", "var (n, vocabulary) = (x.Shape[0] * x.Shape[1], x.Shape[2]);"),
            ["LstmStep.Backward"] = Changed(Implementations.ReferenceBody("A3/LstmStep.cs", "Backward"), "var df = dc * cache.PrevC", "var df = dc * cache.NextC"),
        });
        var results = HostProcess.Grade(Implementations.Grader(), mutants);
        Assert.Multiple(() =>
        {
            Assert.That(results["a3.temporal_softmax_loss"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a3.temporal_softmax_loss"].Output, Does.Contain("loss with every step counted"));
            Assert.That(results["a3.lstm_step"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a3.lstm_step"].Output, Does.Contain("dWx").And.Not.Contain("next_h"));
            Assert.That(results["a3.lstm_sequence"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a3.lstm_sequence"].Output, Does.StartWith("graded with the reference's A3/LstmStep.cs"));
        });
    }

    /// <summary>
    /// Framework mutants: the attention softmax taken over the batch instead of the regions, the word vectors detached from
    /// the graph, and the LSTM input concatenated as [context, word] instead of [word, context]. The attention decoder is
    /// graded with the reference's attention, so only its own mistake costs it.
    /// </summary>
    [Test]
    public void A3_framework_mutants_are_caught_and_the_attention_decoder_is_isolated()
    {
        var mutants = Implementations.Variant("a3-framework-mutants", new Dictionary<string, string>
        {
            ["AdditiveAttention.Forward"] = Changed(Implementations.ReferenceBody("A3/AdditiveAttention.cs", "Forward"), "energies.Softmax(1)", "energies.Softmax(0)"),
            ["LstmDecoder.Step"] = Changed(Implementations.ReferenceBody("A3/LstmDecoder.cs", "Step"), "_cell.Forward(_embed.Call(words), state)", "_cell.Forward(_embed.Call(words).Detach(), state)"),
            ["AttentionDecoder.Step"] = Changed(Implementations.ReferenceBody("A3/AttentionDecoder.cs", "Step"), "Tensor.Cat([_embed.Call(words), context], 1)", "Tensor.Cat([context, _embed.Call(words)], 1)"),
        });
        var results = HostProcess.Grade(Implementations.Grader(), mutants);
        Assert.Multiple(() =>
        {
            Assert.That(results["a3.additive_attention"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a3.additive_attention"].Output, Does.Contain("must be non-negative and sum to one over the regions"));
            Assert.That(results["a3.lstm_decoder"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a3.lstm_decoder"].Output, Does.Contain("differ from the reference's for embed.weight").And.Not.Contain("teacher-forced scores (N, T, V)"));
            Assert.That(results["a3.attention_decoder"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a3.attention_decoder"].Output, Does.StartWith("graded with the reference's A3/AdditiveAttention.cs").And.Contain("one step's scores"));
            Assert.That(results["a3.attention_decoder"].Output, Does.Not.Contain("sum to one"), "the substituted attention is right");
            Assert.That(results["a3.decoder_sample"].Output, Does.Not.Contain("LstmDecoder.Sample"), "sampling does not need the gradients");
        });
    }

    /// <summary>
    /// Greedy sampling that never feeds its prediction back (the start word every step), in both framework decoders and in the
    /// from-scratch CaptioningRnn: the public captions change word by
    /// word, so the words differ, and so do those of the hidden sizes.
    /// </summary>
    [Test]
    public void Sampling_without_feeding_back_the_prediction_is_caught_on_public_and_hidden_sizes()
    {
        var mutants = Implementations.Variant("a3-sample-mutants", new Dictionary<string, string>
        {
            ["LstmDecoder.Sample"] = Changed(Implementations.ReferenceBody("A3/LstmDecoder.cs", "Sample"), "words = scores.ArgMax(1);\n                captions.Add(words);", "captions.Add(scores.ArgMax(1));"),
            ["AttentionDecoder.Sample"] = Changed(Implementations.ReferenceBody("A3/AttentionDecoder.cs", "Sample"), "words = step.Scores.ArgMax(1);\n                captions.Add(words);", "captions.Add(step.Scores.ArgMax(1));"),
            ["CaptioningRnn.Sample"] = Changed(Implementations.ReferenceBody("A3/CaptioningRnn.cs", "Sample"), "word = (h.MatMul(p[\"W_vocab\"]) + p[\"b_vocab\"]).ArgMax(1);\n            words.Add(word);", "words.Add((h.MatMul(p[\"W_vocab\"]) + p[\"b_vocab\"]).ArgMax(1));"),
        });
        var results = HostProcess.Run("check", Implementations.Grader(), mutants, null, "--only", "a3.decoder_sample", "a3.decoder_sample_hidden", "a3.captioning_sample", "a3.captioning_sample_hidden").Results;
        Assert.Multiple(() =>
        {
            Assert.That(results["a3.captioning_sample"].Output, Does.Contain("rnn captions: expected words").And.Contain("lstm captions: expected words"));
            Assert.That(results["a3.captioning_sample_hidden"].Output, Does.Contain("captions: expected words"));
            Assert.That(results["a3.decoder_sample"].Output, Does.Contain("LstmDecoder.Sample: expected words").And.Contain("AttentionDecoder.Sample: expected words"));
            Assert.That(results["a3.decoder_sample_hidden"].Output, Does.Contain("Sample: expected words"));
        });
    }

    /// <summary>A backward pass that scales its upstream gradient in place is told so; the same mistake made out of place is not.</summary>
    [Test]
    public void A_method_that_changes_its_input_in_place_is_named()
    {
        var mutants = Implementations.Variant("a1-in-place", new Dictionary<string, string>
        {
            ["Layers.FcBackward"] = "dout.Mul_(2.0);\n" + Implementations.ReferenceBody("A1/Layers.cs", "FcBackward"),
            ["Layers.ReluBackward"] = "return Tensor.Where(cache.Gt(0.0), dout * 2.0, Tensor.ZerosLike(dout));",
        });
        var results = HostProcess.Run("check", Implementations.Grader(), mutants, null, "--only", "a1.fc_backward", "a1.relu_backward").Results;
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.fc_backward"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.fc_backward"].Output, Does.Contain("your code changed 1 of the tensors the grader passed in"));
            Assert.That(results["a1.relu_backward"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.relu_backward"].Output, Does.Not.Contain("tensors the grader passed in"), "out of place: no such note");
        });
    }

    private static string Changed(string body, string from, string to)
    {
        Assert.That(body, Does.Contain(from), "the mutant's anchor must be in the reference");
        return body.Replace(from, to, StringComparison.Ordinal);
    }

    [Test]
    public void A_submission_that_does_not_compile_scores_zero_with_the_compilers_messages()
    {
        var folder = Directory.CreateTempSubdirectory("autograder-submission-").FullName;
        try
        {
            TestFiles.Copy(Path.Combine(Repository.Root, "starter", "A1"), Path.Combine(folder, "A1"), "*.cs", recursive: true);
            var layers = Path.Combine(folder, "A1", "Layers.cs");
            File.WriteAllText(layers, File.ReadAllText(layers).Replace("public static class Layers", "public static class Layers oops", StringComparison.Ordinal));
            var results = HostProcess.Grade(Implementations.Grader(), folder);
            Assert.Multiple(() =>
            {
                Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("errored"));
                Assert.That(results.Values.Sum(r => r.Score), Is.Zero);
                var output = results["a1.fc_forward"].Output;
                Assert.That(output, Does.StartWith("your code does not compile"));
                Assert.That(output, Does.Contain("A1/Layers.cs(").And.Contain("error CS"));
                Assert.That(output, Does.Not.Contain(folder), "paths are shown relative to the submission");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_submission_folder_outside_the_repository_is_built_and_graded()
    {
        var folder = Directory.CreateTempSubdirectory("autograder-submission-").FullName;
        try
        {
            // A complete submission: the reference's sources (every assignment folder) without any project file, as an upload would hold them.
            foreach (var assignment in Directory.GetDirectories(Path.Combine(Repository.Root, "reference"), "A*"))
            {
                TestFiles.Copy(assignment, Path.Combine(folder, Path.GetFileName(assignment)), "*.cs", recursive: true);
            }
            var results = HostProcess.Grade(Implementations.Grader(), folder);
            Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("passed"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
