using System.Text.Json.Nodes;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Experiments end to end (quick runs on the bundled MNIST, Fashion-MNIST and Flickr8k subsets): trained with the implementation's code, scored by the host on labels the worker never sees.</summary>
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
