using Autograder.Data.Datasets;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A2;

namespace Autograder.Host.Experiments.A2;

/// <summary>
/// A2's framework experiment: the student's FashionCnn and training loop on Fashion-MNIST. For each learning rate in
/// {0.001, 0.01, 0.1}, plain SGD (batch 64) from the same initial weights; the rate is chosen by the last epoch's accuracy on
/// a validation split carved from the training set, and that model predicts the test images (labels read only by the host).
/// Full run: 15 epochs on 50,000 images (10,000 for validation), target 89 %; quick run: 3 epochs on 5,000 of the bundled
/// images (1,000 for validation), target 65 % (the reference measured 69.6 % on one seed after the kernels changed summation
/// order, so 70 % was inside the seed-to-seed spread). Images are normalised with Fashion-MNIST's mean 0.2860 and deviation 0.3530.
/// </summary>
internal sealed class FashionCnnExperiment : Experiment
{
    private static readonly double[] LearningRates = [0.001, 0.01, 0.1];

    public override CheckInfo Info { get; } = new("a2.fashion_cnn_sweep", "A2", "Experiment: Fashion-MNIST CNN, learning-rate sweep, test accuracy", 8,
        Visibility.Visible, TimeSpan.FromMinutes(60), ["Homework.A2.FashionCnn.Forward", "Homework.A2.FashionTraining.TrainEpoch"]);

    public override IReadOnlyList<DataRequirement> Data { get; } = [ExperimentData.FashionMnist];

    public override Observation Probe(ProbeContext context)
    {
        var (folder, _, full) = ExperimentData.Locate(context.Settings, ExperimentData.FashionMnist);
        var x = Normalize(Mnist.LoadImages(folder, train: true));
        var y = Mnist.LoadLabels(folder, train: true);
        var validation = full ? 10_000 : 1_000;
        var train = x.Shape[0] - validation;
        var epochs = full ? 15 : 3;
        var trainSet = new TensorDataLoader([x.Narrow(0, 0, train), y.Narrow(0, 0, train)], 64, shuffle: true, seed: context.Seed);
        var validationSet = new TensorDataLoader([x.Narrow(0, train, validation), y.Narrow(0, train, validation)], 1000);
        var testImages = Normalize(Mnist.LoadImages(folder, train: false));

        var (losses, accuracies) = (new double[LearningRates.Length, epochs], new double[LearningRates.Length, epochs]);
        var (bestRun, bestAccuracy) = (-1, double.NegativeInfinity);
        Observation? best = null;
        for (var run = 0; run < LearningRates.Length; run++)
        {
            Init.ManualSeed(context.Seed); // every rate starts from the same weights
            var model = new FashionCnn();
            var optimizer = new SGD(model.Parameters(), lr: LearningRates[run]);
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                context.Report(((run * epochs) + epoch) / (LearningRates.Length * epochs + 0.5), $"learning rate {LearningRates[run]}: epoch {epoch + 1}/{epochs}");
                losses[run, epoch] = FashionTraining.TrainEpoch(model, optimizer, Batches(trainSet));
                accuracies[run, epoch] = FashionTraining.Accuracy(model, Batches(validationSet));
            }

            if (accuracies[run, epochs - 1] > bestAccuracy)
            {
                (bestRun, bestAccuracy) = (run, accuracies[run, epochs - 1]);
                model.Eval();
                var state = model.StateDict();
                best = new Observation
                {
                    ["predictions"] = Classification.Predict(model.Call, testImages),
                    ["conv1_filters"] = state["conv1.weight"].Detach(),
                    ["conv2_filters"] = state["conv2.weight"].Detach(),
                };
            }
        }

        best!["learning_rates"] = Tensor.FromArray(LearningRates, LearningRates.Length);
        best["training_loss"] = Tensor.FromArray(losses);
        best["validation_accuracy"] = Tensor.FromArray(accuracies);
        best.Set("best_run", bestRun);
        best.Set("full", full ? 1 : 0);
        best.Set("training_images", train);
        return best;
    }

    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings) => Classification.HeldOutLabels(settings, ExperimentData.FashionMnist);

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (floor, target) = expected["full"].Item() == 1 ? (0.80, 0.89) : (0.55, 0.65);
        return Classification.Judge(student["predictions"], expected["labels"], floor, target, $" with learning rate {LearningRates[(int)student["best_run"].Item()]}");
    }

    public override ExperimentSummary Summarize(Observation run, Observation heldOut)
    {
        var best = (int)run["best_run"].Item();
        var (losses, accuracies) = (run["training_loss"], run["validation_accuracy"]);
        var epochs = losses.Shape[1];
        var series = new Dictionary<string, IReadOnlyList<double>>
        {
            ["training_loss"] = losses[best].ToArray<double>(),
            ["validation_accuracy"] = accuracies[best].ToArray<double>(),
        };
        for (var i = 0; i < LearningRates.Length; i++)
        {
            series[$"training_loss_lr{LearningRates[i]}"] = losses[i].ToArray<double>();
            series[$"validation_accuracy_lr{LearningRates[i]}"] = accuracies[i].ToArray<double>();
        }

        var images = new Dictionary<string, byte[]>
        {
            ["conv1_filters"] = FilterGrid.Png(run["conv1_filters"], 16),
            ["conv2_filters"] = FilterGrid.Png(run["conv2_filters"], 6),
        };
        var facts = new Dictionary<string, string> { ["data"] = run["full"].Item() == 1 ? "Fashion-MNIST (50,000 training, 10,000 validation, 10,000 test images)" : "fashion-mnist-small (bundled: 5,000 training, 1,000 validation, 2,000 test images)" };
        PredictionSamples.Add(heldOut["images"], run["predictions"], heldOut["labels"], Mnist.FashionClasses, images, facts);
        return new ExperimentSummary(
            new Dictionary<string, double>
            {
                ["test_accuracy"] = Classification.Accuracy(run["predictions"], heldOut["labels"]),
                ["best_learning_rate"] = LearningRates[best],
                ["best_validation_accuracy"] = accuracies[best, epochs - 1].Item(),
                ["epochs"] = epochs,
                ["training_images"] = run["training_images"].Item(),
                ["test_images"] = heldOut["labels"].Shape[0],
            },
            series,
            new Dictionary<string, ExperimentTable>
            {
                ["sweep"] = new(["learning_rate", "final_training_loss", "final_validation_accuracy"],
                    [.. LearningRates.Select((lr, i) => (IReadOnlyList<double>)[lr, losses[i, epochs - 1].Item(), accuracies[i, epochs - 1].Item()])]),
            },
            facts)
        {
            Images = images,
        };
    }

    private static IEnumerable<(Tensor X, Tensor Y)> Batches(TensorDataLoader loader) => loader.Select(b => (b[0], b[1]));

    private static Tensor Normalize(Tensor images) => (images - 0.2860) / 0.3530;
}
