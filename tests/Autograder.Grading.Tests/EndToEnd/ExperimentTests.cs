using System.Text.Json.Nodes;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Experiments end to end (quick runs on the bundled MNIST, Fashion-MNIST and Flickr8k subsets and SST-2): trained with the implementation's code, scored by the host on labels the worker never sees.</summary>
[NonParallelizable]
public sealed class ExperimentTests
{
    /// <summary>The experiments of the README's main command (the reference, quick, in a fresh clone: <see cref="FreshClone"/>).</summary>
    [Test]
    public void The_reference_reaches_the_quick_target_and_writes_its_metrics()
    {
        var run = FreshClone.Main;
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        var (results, files) = HostProcess.Read(run.Out);
        results = results.Values.Where(r => files.ContainsKey($"experiments/{r.Id}/metrics.json")).ToDictionary(r => r.Id);
        Assert.That(results.Values.Where(r => r.Tag != "passed").Select(r => $"{r.Id}: {r.Output}"), Is.Empty);

        var metrics = JsonNode.Parse(files["experiments/a1.two_layer_mnist/metrics.json"])!;
        Assert.Multiple(() =>
        {
            Assert.That(metrics["metrics"]!["test_accuracy"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.90), "the bundled subset's quick target");
            Assert.That(metrics["metrics"]!["test_images"]!.GetValue<double>(), Is.EqualTo(2000));
            Assert.That(metrics["tables"]!["sweep"]!["rows"]!.AsArray(), Has.Count.EqualTo(3), "three hidden sizes in the quick sweep");
            Assert.That(metrics["series"]!["validation_accuracy"]!.AsArray(), Has.Count.EqualTo(6), "one per epoch of the final run");
            Assert.That(metrics["facts"]!["data"]!.GetValue<string>(), Does.StartWith("mnist-small"));
        });

        var convNet = JsonNode.Parse(files["experiments/a2.conv_net_mnist/metrics.json"])!;
        var fashion = JsonNode.Parse(files["experiments/a2.fashion_cnn_sweep/metrics.json"])!;
        Assert.Multiple(() =>
        {
            Assert.That(convNet["metrics"]!["test_accuracy"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.90));
            Assert.That(convNet["images"]!["conv_filters"]!.GetValue<string>(), Is.EqualTo("conv_filters.png"));
            Assert.That(files["experiments/a2.conv_net_mnist/conv_filters.png"], Does.Contain("IHDR"), "a PNG");
            Assert.That(fashion["metrics"]!["test_accuracy"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.65));
            Assert.That(fashion["metrics"]!["best_learning_rate"]!.GetValue<double>(), Is.EqualTo(0.1), "plain SGD for 3 epochs: the largest rate learns fastest");
            Assert.That(fashion["tables"]!["sweep"]!["rows"]!.AsArray().Select(r => r![0]!.GetValue<double>()), Is.EqualTo(new[] { 0.001, 0.01, 0.1 }));
            Assert.That(fashion["series"]!["validation_accuracy"]!.AsArray(), Has.Count.EqualTo(3), "one per epoch of the chosen rate");
            Assert.That(files.Keys, Does.Contain("experiments/a2.fashion_cnn_sweep/conv1_filters.png").And.Contain("experiments/a2.fashion_cnn_sweep/conv2_filters.png"));
        });

        {
            var captioning = JsonNode.Parse(files["experiments/a3.captioning_lstm/metrics.json"])!;
            Assert.Multiple(() =>
            {
                Assert.That(captioning["metrics"]!["test_bleu4"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.06), "the quick target: the reference reached 0.095 on the bundled flickr8k-small");
                Assert.That(captioning["series"]!["validation_bleu4"]!.AsArray(), Has.Count.EqualTo(8), "one per epoch");
                Assert.That(captioning["series"]!["loss"]!.AsArray(), Has.Count.EqualTo(8 * 20), "20 minibatches of 100 captions per epoch");
                Assert.That(captioning["facts"]!["samples_0"]!.GetValue<string>(), Does.Contain("(a person wrote: “"));
                Assert.That(files.Keys, Does.Contain("experiments/a3.captioning_lstm/samples_2.png"));
            });

            var lstm = JsonNode.Parse(files["experiments/a3.decoder_lstm/metrics.json"])!;
            var attention = JsonNode.Parse(files["experiments/a3.decoder_attention/metrics.json"])!;
            Assert.Multiple(() =>
            {
                Assert.That(lstm["metrics"]!["test_bleu4"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.06), "the quick target: the reference reached 0.094");
                Assert.That(attention["metrics"]!["test_bleu4"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.06), "the quick target: the reference reached 0.082");
                Assert.That(lstm["series"]!["loss"]!.AsArray(), Has.Count.EqualTo(8 * 20), "20 minibatches of 100 captions per epoch");
                var losses = attention["series"]!["loss"]!.AsArray().Select(v => v!.GetValue<double>()).ToList();
                Assert.That(losses.TakeLast(20).Average(), Is.LessThan(losses.Take(20).Average() - 1), "the cross-entropy per word falls by more than one nat");
                Assert.That(attention["facts"]!["attention_0"]!.GetValue<string>(), Does.Contain("where the decoder looked"));
                Assert.That(files["experiments/a3.decoder_attention/attention_0.png"], Does.Contain("IHDR"), "a PNG");
            });
        }
    }

    /// <summary>A5 in the main command: five models on the bundled SST-2, each at its quick target, with the GloVe coverage stated.</summary>
    [Test]
    public void The_sentiment_models_reach_their_quick_targets()
    {
        var (results, files) = HostProcess.Read(FreshClone.Main.Out);
        string[] models = ["a5.bag_of_words_sst2", "a5.averaged_embeddings_sst2", "a5.glove_averaged_sst2", "a5.rnn_sst2", "a5.lstm_sst2"];
        Assert.Multiple(() =>
        {
            foreach (var id in models)
            {
                Assert.That(results[id].Tag, Is.EqualTo("passed"), results[id].Output);
                var metrics = JsonNode.Parse(files[$"experiments/{id}/metrics.json"])!;
                Assert.That(metrics["series"]!["dev_accuracy"]!.AsArray(), Has.Count.EqualTo(4), "four epochs in a quick run");
                Assert.That(metrics["metrics"]!["test_accuracy"]!.GetValue<double>(), Is.GreaterThan(0.68), "the reference: 70–81 % on the 1,821 test sentences");
            }

            var glove = JsonNode.Parse(files["experiments/a5.glove_averaged_sst2/metrics.json"])!;
            Assert.That(glove["metrics"]!["glove_token_coverage"]!.GetValue<double>(), Is.EqualTo(0.72).Within(0.01), "PROVENANCE.md: 72 % of the tokens have a vector");
            Assert.That(glove["facts"]!["glove"]!.GetValue<string>(), Does.StartWith("GloVe Twitter 25-d (11,925 words)"));
        });
    }

    /// <summary>
    /// A4 in the main command: the pretrained ResNet finetuned and frozen on the bundled ants and bees (the frozen backbone did
    /// not move, the head alone trained), and three stylised images whose losses the host recomputed.
    /// </summary>
    [Test]
    public void Transfer_learning_and_style_transfer_reach_their_quick_targets()
    {
        var (results, files) = HostProcess.Read(FreshClone.Main.Out);
        var finetune = JsonNode.Parse(files["experiments/a4.finetune_hymenoptera/metrics.json"])!["metrics"]!;
        var freeze = JsonNode.Parse(files["experiments/a4.freeze_hymenoptera/metrics.json"])!["metrics"]!;
        var style = JsonNode.Parse(files["experiments/a4.style_transfer/metrics.json"])!;
        Assert.Multiple(() =>
        {
            foreach (var id in new[] { "a4.finetune_hymenoptera", "a4.freeze_hymenoptera", "a4.style_transfer" })
            {
                Assert.That(results[id].Tag, Is.EqualTo("passed"), results[id].Output);
            }

            Assert.That(finetune["val_accuracy"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.75), "the reference: 89.6 % of the 48 bundled validation images after 3 epochs");
            Assert.That(freeze["val_accuracy"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.75), "the reference: 79.2 %");
            Assert.That(finetune["val_images"]!.GetValue<double>(), Is.EqualTo(48));
            Assert.That(freeze["backbone_change"]!.GetValue<double>(), Is.Zero, "Freeze: no pretrained weight moved");
            Assert.That(finetune["backbone_change"]!.GetValue<double>(), Is.GreaterThan(0), "Finetune: they did");
            Assert.That(freeze["trained_parameters"]!.GetValue<double>(), Is.EqualTo((512 * 2) + 2), "only the new Linear(512, 2)");
            Assert.That(files.Keys.Count(k => k.StartsWith("experiments/a4.finetune_hymenoptera/gallery_", StringComparison.Ordinal)), Is.EqualTo(8));
            Assert.That(style["series"]!["loss_0"]!.AsArray(), Has.Count.EqualTo(100), "one loss per iteration of the quick run");
            Assert.That(style["tables"]!["losses"]!["rows"]!.AsArray(), Has.Count.EqualTo(3), "three pairs, each scored by the host");
            foreach (var p in new[] { 0, 1, 2 })
            {
                Assert.That(style["metrics"]![$"loss_removed_{p}"]!.GetValue<double>(), Is.GreaterThan(0.3), "the reference removes 43–66 % of the content photo's loss");
                Assert.That(files[$"experiments/a4.style_transfer/pair_{(3 * p) + 2}.png"], Does.Contain("IHDR"), "the stylised image, a PNG");
            }
        });
    }

    /// <summary>
    /// The translators (quick runs in the main command): every model passes, the Transformer beats every Seq2Seq (the
    /// assignment's one numeric rule), the host scored 500 drawn test positions, and the attention maps and translations are there.
    /// </summary>
    [Test]
    public void The_translators_reach_their_quick_targets_and_the_transformer_wins()
    {
        var (results, files) = HostProcess.Read(FreshClone.Main.Out);
        string[] seq2seq = ["a6.seq2seq_rnn", "a6.seq2seq_lstm", "a6.seq2seq_rnn_attention", "a6.seq2seq_lstm_attention", "a6.seq2seq_tuned"];
        double Perplexity(string id) => JsonNode.Parse(files[$"experiments/{id}/metrics.json"])!["metrics"]!["test_perplexity"]!.GetValue<double>();
        var transformer = JsonNode.Parse(files["experiments/a6.transformer_multi30k/metrics.json"])!;
        var attention = JsonNode.Parse(files["experiments/a6.seq2seq_lstm_attention/metrics.json"])!;
        Assert.Multiple(() =>
        {
            foreach (var id in seq2seq.Append("a6.transformer_multi30k").Append("a6.transformer_tuned"))
            {
                Assert.That(results[id].Tag, Is.EqualTo("passed"), results[id].Output);
            }

            Assert.That(seq2seq.Select(Perplexity), Has.All.GreaterThan(Perplexity("a6.transformer_multi30k")), "the reference: Transformer 51, Seq2Seq 77–101 after 3 quick epochs");
            Assert.That(Perplexity("a6.transformer_multi30k"), Is.InRange(20, 90));
            Assert.That(transformer["facts"]!["data"]!.GetValue<string>(), Does.Contain("500 positions"));
            Assert.That(transformer["series"]!["validation_perplexity"]!.AsArray(), Has.Count.EqualTo(3), "one per quick epoch");
            Assert.That(transformer["tables"]!.AsObject().Select(t => t.Key), Is.SupersetOf(new[] { "attention_0", "attention_1" }), "one map per head");
            Assert.That(attention["tables"]!["attention_0"]!["rows"]!.AsArray(), Is.Not.Empty, "one row per decoded word");
            Assert.That(attention["facts"]!["translation_0"]!.GetValue<string>(), Does.Contain("reference:"));
        });
    }

    /// <summary>
    /// An instructor's unlabelled file (<c>--predict</c>): every line gets a label in predictions.txt, in order, blank lines
    /// included; the test accuracy is still scored by the host; a missing file is a clear error before anything runs.
    /// </summary>
    [Test]
    public void Predict_labels_an_unlabelled_file_one_line_each()
    {
        var folder = Directory.CreateTempSubdirectory("autograder-predict-").FullName;
        try
        {
            var file = Path.Combine(folder, "sentences.txt");
            File.WriteAllLines(file, ["a gorgeous , witty , seductive movie .", "", "dull and lifeless .", "UTTERLY DELIGHTFUL"]);
            var (results, files) = HostProcess.Run("experiments run", Implementations.Grader(), Implementations.Reference(), null, "--quick", "--only", "a5.bag_of_words_sst2", "--predict", file);
            Assert.Multiple(() =>
            {
                Assert.That(results["a5.bag_of_words_sst2"].Tag, Is.EqualTo("passed"));
                var labels = files["experiments/a5.bag_of_words_sst2/predictions.txt"].Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.That(labels, Has.Length.EqualTo(4));
                Assert.That(labels, Is.All.EqualTo("0").Or.EqualTo("1"));
                Assert.That(labels[0], Is.EqualTo("1"));
                Assert.That(labels[2], Is.EqualTo("0"));
            });

            var grader = Implementations.Grader();
            var (code, output) = ChildProcess.Run(grader.FileName, [.. grader.Prefix, "experiments", "run", "--only", "a5.bag_of_words_sst2", "--quick", "--impl", "reference", "--repo", Repository.Root, "--out", folder, "--predict", Path.Combine(folder, "missing.txt")]);
            Assert.That(code, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("--predict: the file").And.Contain("missing.txt does not exist"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_starter_is_not_attempted_and_still_gets_a_metrics_file()
    {
        var starter = Path.Combine(Repository.Root, "starter", "bin", Implementations.Configuration, "net10.0", "Homework.dll");
        if (!File.Exists(starter))
        {
            Assert.Ignore("The starter is not built; build the solution first.");
        }

        var (results, files) = HostProcess.Run("grade", Implementations.Grader(), starter, null, "--quick");
        Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("not-attempted"), "grade runs the checks and the experiments");
        Assert.That(results, Does.ContainKey("a1.two_layer_mnist"));
        Assert.That(JsonNode.Parse(files["experiments/a1.two_layer_mnist/metrics.json"])!["outcome"]!.GetValue<string>(), Is.EqualTo("not-attempted"));
    }

    /// <summary>A model that predicts one class for everything is trained and scored honestly: about 10 % accuracy, no points, and the message says so.</summary>
    [Test]
    public void A_constant_predictor_earns_nothing()
    {
        var constant = Implementations.Variant("constant-predictor", new Dictionary<string, string>
        {
            ["TwoLayerNet.Scores"] = "var s = Tensor.Zeros([x.Shape[0], 10], DType.Float64); s[.., 3] = Tensor.Scalar(1.0, DType.Float64); return s;",
        });
        var (results, _) = HostProcess.Run("experiments run", Implementations.Grader(), constant, null, "--quick", "--only", "a1.two_layer_mnist");
        Assert.That(results["a1.two_layer_mnist"].Score, Is.Zero);
        Assert.That(results["a1.two_layer_mnist"].Output, Does.Contain("test accuracy"));
    }
}
