using Autograder.Data.Datasets;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;
using Homework.A1;
using Homework.A2;

namespace Autograder.Host.Experiments.A2;

/// <summary>
/// A2's from-scratch experiment: the student's ThreeLayerConvNet (8 filters 5×5, hidden 100) trained with their A1 Solver and
/// Adam on MNIST, then predicting the test images (whose labels only the host reads). Full run: 2 epochs on 55,000 digits
/// (5,000 held out for validation), target 97 % test accuracy; quick run: 2 epochs on 9,000 of the bundled digits, target 90 %.
/// </summary>
internal sealed class ConvNetMnistExperiment : Experiment
{

    public override CheckInfo Info { get; } = new("a2.conv_net_mnist", "A2", "Experiment: ThreeLayerConvNet with the Solver on MNIST, test accuracy", 8,
        Visibility.Visible, TimeSpan.FromMinutes(30), ["Homework.A2.ThreeLayerConvNet.Loss", "Homework.A1.Solver.Train"]);

    public override IReadOnlyList<DataRequirement> Data { get; } = [ExperimentData.Mnist];

    public override Observation Probe(ProbeContext context)
    {
        var (folder, _, full) = ExperimentData.Locate(context.Settings, ExperimentData.Mnist);
        var x = Mnist.LoadImages(folder, train: true).To(DType.Float64);
        var y = Mnist.LoadLabels(folder, train: true);
        var n = x.Shape[0];
        var validation = full ? 5_000 : 1_000;
        var data = new TrainingData(x.Narrow(0, 0, n - validation), y.Narrow(0, 0, n - validation), x.Narrow(0, n - validation, validation), y.Narrow(0, n - validation, validation));
        var model = new ThreeLayerConvNet((1, 28, 28), 8, 5, 100, 10, 0.05, 1e-4, new Generator(context.Seed));
        const int Epochs = 2;
        var solver = new Solver(model, data, new SolverOptions
        {
            UpdateRule = () => new Adam(2e-3),
            LearningRateDecay = 0.9,
            BatchSize = 50,
            Epochs = Epochs,
            Seed = context.Seed,
            EpochEnded = (epoch, total, _, accuracy) => context.Report((double)epoch / (total + 0.2), $"epoch {epoch}/{total}, validation {100 * accuracy:0.0} %"),
        });
        context.Report(0, $"training on {n - validation} images");
        solver.Train();
        context.Report(Epochs / (Epochs + 0.2), "predicting the test images");

        var observation = new Observation
        {
            ["predictions"] = Classification.Predict(model.Scores, Mnist.LoadImages(folder, train: false).To(DType.Float64), 500),
            ["loss"] = Tensor.FromArray(solver.LossHistory.ToArray(), solver.LossHistory.Count),
            ["train_accuracy"] = Tensor.FromArray(solver.TrainAccuracyHistory.ToArray(), solver.TrainAccuracyHistory.Count),
            ["validation_accuracy"] = Tensor.FromArray(solver.ValidationAccuracyHistory.ToArray(), solver.ValidationAccuracyHistory.Count),
            ["conv_filters"] = model.Parameters["W1"],
        };
        observation.Set("full", full ? 1 : 0);
        observation.Set("training_images", n - validation);
        return observation;
    }

    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings) => Classification.HeldOutLabels(settings, ExperimentData.Mnist);

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (floor, target) = expected["full"].Item() == 1 ? (0.90, 0.97) : (0.80, 0.90);
        return Classification.Judge(student["predictions"], expected["labels"], floor, target, "");
    }

    public override ExperimentSummary Summarize(Observation run, Observation heldOut)
    {
        var images = new Dictionary<string, byte[]> { ["conv_filters"] = FilterGrid.Png(run["conv_filters"], 12) };
        var facts = new Dictionary<string, string> { ["data"] = run["full"].Item() == 1 ? "MNIST (55,000 training, 5,000 validation, 10,000 test images)" : "mnist-small (bundled: 9,000 training, 1,000 validation, 2,000 test images)" };
        PredictionSamples.Add(heldOut["images"], run["predictions"], heldOut["labels"], Mnist.DigitClasses, images, facts);
        return new ExperimentSummary(
            new Dictionary<string, double>
            {
                ["test_accuracy"] = Classification.Accuracy(run["predictions"], heldOut["labels"]),
                ["best_validation_accuracy"] = run["validation_accuracy"].ToArray<double>().Max(),
                ["training_images"] = run["training_images"].Item(),
                ["test_images"] = heldOut["labels"].Shape[0],
            },
            new Dictionary<string, IReadOnlyList<double>>
            {
                ["loss"] = run["loss"].ToArray<double>(),
                ["train_accuracy"] = run["train_accuracy"].ToArray<double>(),
                ["validation_accuracy"] = run["validation_accuracy"].ToArray<double>(),
            },
            new Dictionary<string, ExperimentTable>(),
            facts)
        {
            Images = images,
        };
    }
}
