using Autograder.Data.Datasets;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;
using Homework.A1;

namespace Autograder.Host.Experiments.A1;

/// <summary>
/// A1's experiment: the student's two-layer net and Solver on MNIST. Sweep the hidden size, choose it on a validation split
/// carved from the training set, retrain the chosen size on the whole training set, and predict the test images (whose
/// labels only the host reads). Full run: 6 sizes on the 60,000 MNIST digits, target 97 % test accuracy; quick run:
/// 3 sizes on the bundled 10,000, target 90 %.
/// </summary>
internal sealed class TwoLayerMnistExperiment : Experiment
{
    private static readonly int[] FullSizes = [25, 50, 100, 200, 400, 800];
    private static readonly int[] QuickSizes = [32, 64, 128];

    public override CheckInfo Info { get; } = new("a1.two_layer_mnist", "A1", "Experiment: two-layer net on MNIST, hidden-size sweep, test accuracy", 10,
        Visibility.Visible, TimeSpan.FromMinutes(30), ["Homework.A1.Solver.Train", "Homework.A1.TwoLayerNet.Loss"]);

    public override IReadOnlyList<DataRequirement> Data { get; } = [ExperimentData.Mnist];

    public override Observation Probe(ProbeContext context)
    {
        var (folder, _, full) = ExperimentData.Locate(context.Settings, ExperimentData.Mnist);
        var sizes = full ? FullSizes : QuickSizes;
        var epochs = full ? 8 : 6;
        var x = Flatten(Mnist.LoadImages(folder, train: true));
        var y = Mnist.LoadLabels(folder, train: true);
        var n = x.Shape[0];
        var validation = n / 12;
        var split = new TrainingData(x.Narrow(0, 0, n - validation), y.Narrow(0, 0, n - validation), x.Narrow(0, n - validation, validation), y.Narrow(0, n - validation, validation));

        var sweep = new List<double>();
        var runs = sizes.Length + 1;
        for (var i = 0; i < sizes.Length; i++)
        {
            var (solver, _) = Train(context, split, sizes[i], epochs, i, runs, $"hidden {sizes[i]}");
            sweep.Add(solver.BestValidationAccuracy);
        }

        var best = sizes[sweep.IndexOf(sweep.Max())];
        var all = new TrainingData(x, y, split.XVal, split.YVal);
        var (final, model) = Train(context, all, best, epochs, sizes.Length, runs, $"retraining hidden {best} on all {n} training images", retraining: true);
        context.Report(1, "predicting the test images");
        var predictions = Classification.Predict(model.Scores, Flatten(Mnist.LoadImages(folder, train: false)));

        var observation = new Observation
        {
            ["predictions"] = predictions,
            ["hidden_sizes"] = Tensor.FromArray(sizes.Select(s => (double)s).ToArray(), sizes.Length),
            ["validation_accuracy"] = Tensor.FromArray(sweep.ToArray(), sweep.Count),
            ["loss"] = Tensor.FromArray(final.LossHistory.ToArray(), final.LossHistory.Count),
            ["train_accuracy"] = Tensor.FromArray(final.TrainAccuracyHistory.ToArray(), final.TrainAccuracyHistory.Count),
            ["epoch_validation_accuracy"] = Tensor.FromArray(final.ValidationAccuracyHistory.ToArray(), final.ValidationAccuracyHistory.Count),
        };
        observation.Set("best_hidden_size", best);
        observation.Set("full", full ? 1 : 0);
        observation.Set("training_images", n);
        return observation;
    }

    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings) => Classification.HeldOutLabels(settings, ExperimentData.Mnist);

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (floor, target) = expected["full"].Item() == 1 ? (0.90, 0.97) : (0.80, 0.90);
        return Classification.Judge(student["predictions"], expected["labels"], floor, target, $" with hidden size {student["best_hidden_size"].Item()}");
    }

    public override ExperimentSummary Summarize(Observation run, Observation heldOut)
    {
        var sizes = run["hidden_sizes"].ToArray<double>();
        var validation = run["validation_accuracy"].ToArray<double>();
        var images = new Dictionary<string, byte[]>();
        var facts = new Dictionary<string, string> { ["data"] = run["full"].Item() == 1 ? "MNIST (60,000 training, 10,000 test images)" : "mnist-small (bundled: 10,000 training, 2,000 test images)" };
        PredictionSamples.Add(heldOut["images"], run["predictions"], heldOut["labels"], Mnist.DigitClasses, images, facts);
        return new ExperimentSummary(
            new Dictionary<string, double>
            {
                ["test_accuracy"] = Classification.Accuracy(run["predictions"], heldOut["labels"]),
                ["best_hidden_size"] = run["best_hidden_size"].Item(),
                ["best_validation_accuracy"] = validation.Max(),
                ["training_images"] = run["training_images"].Item(),
                ["test_images"] = heldOut["labels"].Shape[0],
            },
            new Dictionary<string, IReadOnlyList<double>>
            {
                ["loss"] = run["loss"].ToArray<double>(),
                ["train_accuracy"] = run["train_accuracy"].ToArray<double>(),
                ["validation_accuracy"] = run["epoch_validation_accuracy"].ToArray<double>(),
            },
            new Dictionary<string, ExperimentTable>
            {
                ["sweep"] = new(["hidden_size", "validation_accuracy"], [.. sizes.Zip(validation, (s, v) => (IReadOnlyList<double>)[s, v])]),
            },
            facts)
        {
            Images = images,
        };
    }

    /// <summary>Trains one net. When <paramref name="retraining"/> on every training image, the validation images are among them: progress then shows the training accuracy, not a "validation" one.</summary>
    private static (Solver Solver, TwoLayerNet Model) Train(ProbeContext context, TrainingData data, int hidden, int epochs, int run, int runs, string what, bool retraining = false)
    {
        var model = new TwoLayerNet(784, hidden, 10, 0.05, 1e-4, new Generator(context.Seed + hidden));
        var solver = new Solver(model, data, new SolverOptions
        {
            UpdateRule = () => new Adam(3e-3),
            LearningRateDecay = 0.9,
            BatchSize = 100,
            Epochs = epochs,
            Seed = context.Seed,
            EpochEnded = (epoch, total, training, validation) =>
                context.Report((run + ((double)epoch / total)) / runs, retraining
                    ? $"{what}: epoch {epoch}/{total}, training accuracy {100 * training:0.0} %"
                    : $"{what}: epoch {epoch}/{total}, validation {100 * validation:0.0} %"),
        });
        context.Report((double)run / runs, what);
        solver.Train();
        return (solver, model);
    }

    private static Tensor Flatten(Tensor images) => images.Reshape(images.Shape[0], -1).To(DType.Float64);
}
