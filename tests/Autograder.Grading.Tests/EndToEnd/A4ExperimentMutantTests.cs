namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// A4's experiments (quick runs) against mistakes that pass a glance: each written into a copy of the reference, trained for
/// real, and scored by the host; the mutant must lose the points the mistake is worth, with a message that says why.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class A4ExperimentMutantTests
{
    private const string Losses = "A4/StyleLosses.cs";
    private const string Transfer = "A4/TransferLearning.cs";

    /// <summary>A Freeze that freezes nothing and hands every parameter to the optimizer: that is finetuning, and earns nothing here.</summary>
    [Test]
    public void A_backbone_left_trainable_earns_nothing_under_freeze()
    {
        var results = Run("a4-exp-unfrozen", new Dictionary<string, string>
        {
            ["TransferLearning.Freeze"] = "model.Fc = new Linear(ResNet.FeatureCount, classes, generator: generator); return [.. model.Parameters()];",
        }, "a4.freeze_hymenoptera");
        Assert.That(results["a4.freeze_hymenoptera"].Score, Is.Zero);
        Assert.That(results["a4.freeze_hymenoptera"].Output, Does.Contain("pretrained weights changed during training"));
    }

    /// <summary>
    /// A dishonest submission: TrainModel memorises the validation labels (it is given them, as in the tutorial) under each
    /// image's features, and Freeze installs a head that answers from that table in evaluation mode. Predictions made in the
    /// worker would be perfect; the host measures the returned weights in its own network instead, where that head does not fit.
    /// </summary>
    [Test]
    public void A_head_that_answers_from_memorised_validation_labels_earns_nothing()
    {
        var (results, files) = HostProcess.Run("experiments run", Implementations.Grader(), Implementations.Variant("a4-exp-memorised", new Dictionary<string, string>
        {
            ["TransferLearning.TrainModel"] = """
                var history = RunEpochs();
                if (model is ResNet resnet && resnet.Fc is MemorisedHead)
                {
                    resnet.Eval();
                    using var scope = Tensor.NoGrad();
                    foreach (var (images, labels) in valBatches())
                    {
                        MemorisedHead.Remember(resnet.Features(images), labels);
                    }
                }

                return history;

                IReadOnlyList<EpochResult> RunEpochs()
                {
                """ + Implementations.ReferenceBody(Transfer, "TrainModel") + "}\n",
            ["TransferLearning.Freeze"] = """
                foreach (var parameter in model.Parameters()) { parameter.RequiresGrad = false; }
                var head = new MemorisedHead(classes, generator);
                model.Fc = head;
                return [.. head.Parameters()];
                }

                private sealed class MemorisedHead : Module<Tensor, Tensor>
                {
                    private static readonly List<(float[] Features, long Label)> Memory = [];
                    private readonly Linear _linear;
                    public MemorisedHead(int classes, Generator generator) => _linear = RegisterModule("linear", new Linear(ResNet.FeatureCount, classes, generator: generator));
                    public static void Remember(Tensor features, Tensor labels)
                    {
                        for (var i = 0; i < labels.Shape[0]; i++) { Memory.Add((features[i].Float().ToArray<float>(), labels.ToArray<long>()[i])); }
                    }

                    public override Tensor Forward(Tensor input)
                    {
                        var scores = _linear.Call(input);
                        if (Training || Memory.Count == 0) { return scores; }
                        var (n, k) = (input.Shape[0], scores.Shape[1]);
                        var answers = new float[n * k];
                        for (var i = 0; i < n; i++)
                        {
                            var row = input[i].Float().ToArray<float>();
                            var nearest = Memory.MinBy(m => m.Features.Zip(row).Sum(p => (p.First - p.Second) * (p.First - p.Second)));
                            answers[(i * k) + nearest.Label] = 100;
                        }

                        return Tensor.FromArray(answers, n, k);
                    }
                }

                private static void Unused()
                {
                """,
        }), null, "--quick", "--only", "a4.freeze_hymenoptera");
        Assert.Multiple(() =>
        {
            Assert.That(results["a4.freeze_hymenoptera"].Score, Is.Zero, results["a4.freeze_hymenoptera"].Output);
            Assert.That(results["a4.freeze_hymenoptera"].Output, Does.Contain("could not be loaded into a ResNet-18 with a Linear(512, 2) final layer"));
            Assert.That(files["experiments/a4.freeze_hymenoptera/metrics.json"], Does.Contain("gallery_7").And.Not.Contain("(true:"), "in the worker the memorised head answers every gallery image right: the attack is real");
        });
    }

    /// <summary>A TrainModel that never calls optimizer.Step(): the head stays as initialised, below the floor.</summary>
    [Test]
    public void Training_without_steps_stays_near_chance()
    {
        var results = Run("a4-exp-no-step", new Dictionary<string, string>
        {
            ["TransferLearning.TrainModel"] = Changed("TrainModel", "optimizer.Step();", "_ = optimizer;", Transfer),
        }, "a4.freeze_hymenoptera");
        Assert.That(results["a4.freeze_hymenoptera"].Score, Is.LessThan(0.25 * results["a4.freeze_hymenoptera"].MaxScore), results["a4.freeze_hymenoptera"].Output);
        Assert.That(results["a4.freeze_hymenoptera"].Output, Does.Contain("validation accuracy"));
    }

    /// <summary>VisualizeModel still a stub: the gallery is only for the report, so the accuracy still earns its points.</summary>
    [Test]
    public void A_stub_gallery_costs_no_accuracy_points()
    {
        var (results, files) = HostProcess.Run("experiments run", Implementations.Grader(), Implementations.Variant("a4-exp-no-gallery", new Dictionary<string, string>
        {
            ["TransferLearning.VisualizeModel"] = "throw new NotImplementedException();",
        }), null, "--quick", "--only", "a4.freeze_hymenoptera");
        Assert.That(results["a4.freeze_hymenoptera"].Score, Is.EqualTo(results["a4.freeze_hymenoptera"].MaxScore), results["a4.freeze_hymenoptera"].Output);
        Assert.That(files.Keys.Count(k => k.StartsWith("experiments/a4.freeze_hymenoptera/gallery_", StringComparison.Ordinal)), Is.EqualTo(8), "the grader's own predictions fill the gallery");
    }

    /// <summary>
    /// Style losses that optimise the wrong thing: over the last style layer only, and with the content term as a mean (so it
    /// vanishes). The host recomputes the real losses of the images and finds less of the loss removed than the reference removes.
    /// </summary>
    [Test]
    public void Style_transfer_with_wrong_losses_removes_less_of_the_loss()
    {
        var lastOnly = Run("a4-exp-style-last", new Dictionary<string, string>
        {
            ["StyleLosses.StyleLoss"] = Changed("StyleLoss", "loss = loss + (", "loss = ("),
        }, "a4.style_transfer");
        var meanContent = Run("a4-exp-content-mean", new Dictionary<string, string>
        {
            ["StyleLosses.ContentLoss"] = Changed("ContentLoss", ".Square().Sum()", ".Square().Mean()"),
        }, "a4.style_transfer");
        Assert.Multiple(() =>
        {
            foreach (var results in new[] { lastOnly, meanContent })
            {
                Assert.That(results["a4.style_transfer"].Score, Is.LessThan(0.75 * results["a4.style_transfer"].MaxScore), results["a4.style_transfer"].Output);
                Assert.That(results["a4.style_transfer"].Output, Does.Contain("of the content image's loss (recomputed by the grader"));
            }
        });
    }

    private static IReadOnlyDictionary<string, HostProcess.GradedCheck> Run(string name, Dictionary<string, string> bodies, string experiment) =>
        HostProcess.Run("experiments run", Implementations.Grader(), Implementations.Variant(name, bodies), null, "--quick", "--only", experiment).Results;

    private static string Changed(string method, string from, string to, string file = Losses)
    {
        var body = Implementations.ReferenceBody(file, method);
        Assert.That(body, Does.Contain(from), "the mutant's anchor must be in the reference");
        return body.Replace(from, to, StringComparison.Ordinal);
    }
}
