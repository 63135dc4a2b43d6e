using Autograder.Data.Images;
using Autograder.Data.Pretrained;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;
using Autograder.Tensors.Models;
using Autograder.Tensors.Optim;
using Homework.A4;

namespace Autograder.Host.Experiments.A4;

/// <summary>
/// A4's transfer-learning experiments, as PyTorch's tutorial runs them: the pretrained ResNet from NuGet with a new two-class
/// final layer (the student's <c>Finetune</c> or <c>Freeze</c>), trained by the student's <c>TrainModel</c> with SGD (learning
/// rate 10⁻³, momentum 0.9), StepLR (every 7 epochs × 0.1), batches of 4 randomly cropped and flipped images. The worker
/// returns the restored model's predictions for the validation images (and the untrained head's, before any step), the
/// per-epoch history and a gallery's predictions from the student's <c>VisualizeModel</c>; the host scores the predictions
/// with the labels it reads itself. Full run: 245 training, 153 validation images, 25 epochs (the tutorial's); quick run:
/// the bundled 48 + 48, 3 epochs.
/// </summary>
/// <remarks>
/// The tutorial chooses the epoch by validation accuracy and reports that accuracy, so the worker must see validation labels
/// (they go to <c>TrainModel</c>); the score is still the host's count over the predictions the worker returns.
/// </remarks>
internal abstract class TransferExperiment : Experiment
{
    /// <summary>Validation images shown in the report's gallery, spread evenly over both classes.</summary>
    public const int GalleryCount = 8;

    private const int BatchSize = 4;

    /// <summary>The data as the host loaded it for <see cref="HeldOut"/>: the gallery's images come from here, not from the worker.</summary>
    private HymenopteraData? _data;

    public override IReadOnlyList<DataRequirement> Data { get; } = [HymenopteraData.Requirement];

    /// <summary>Gets the accuracy band (no marks at or below Floor, full marks at Target) of the quick and the full run.</summary>
    protected abstract (double Floor, double Target) QuickBand { get; }

    /// <inheritdoc cref="QuickBand"/>
    protected abstract (double Floor, double Target) FullBand { get; }

    /// <summary>Gets the scenario's name in messages ("finetuning", "the frozen backbone").</summary>
    protected abstract string Scenario { get; }

    public override Observation Probe(ProbeContext context)
    {
        var data = HymenopteraData.Load(context.Settings);
        var epochs = data.IsFull ? 25 : 3;
        var generator = new Generator(context.Seed);
        context.Report(0, "loading the pretrained ResNet");
        var model = PretrainedResNet.Load();
        var backbone = model.StateDict().ToDictionary(p => p.Key, p => p.Value.Clone());
        var parameters = Prepare(model, data.Classes.Count, generator);
        var (validation, labels) = (data.ValidationInput(), data.ValidationLabels());
        var untrained = Predict(model, validation);

        var optimizer = new SGD(parameters, lr: 1e-3, momentum: 0.9);
        var scheduler = new StepLR(optimizer, stepSize: 7, gamma: 0.1);
        var epoch = 0;
        IEnumerable<(Tensor, Tensor)> Train()
        {
            context.Report((epoch + 0.5) / (epochs + 1), $"{Scenario}: epoch {++epoch}/{epochs}");
            return data.TrainingBatches(BatchSize, generator);
        }

        IEnumerable<(Tensor, Tensor)> Validate()
        {
            for (var start = 0; start < labels.Shape[0]; start += 16)
            {
                var count = Math.Min(16, labels.Shape[0] - start);
                yield return (validation.Narrow(0, start, count), labels.Narrow(0, start, count));
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var history = TransferLearning.TrainModel(model, Train, Validate, optimizer, scheduler, epochs);
        var seconds = clock.Elapsed.TotalSeconds;
        var predictions = Predict(model, validation);
        var observation = new Observation
        {
            ["predictions"] = predictions,
            ["untrained_predictions"] = untrained,
            ["gallery_predictions"] = Gallery(model, validation, predictions),
            ["history"] = History(history),
        };
        observation.Set("backbone_change", BackboneChange(model, backbone));
        observation.Set("trained_parameters", parameters.Sum(p => (double)p.NumEl));
        observation.Set("training_seconds", seconds);
        observation.Set("full", data.IsFull ? 1 : 0);
        return observation;
    }

    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings)
    {
        var data = _data = HymenopteraData.Load(settings);
        var observation = new Observation { ["labels"] = data.ValidationLabels() };
        observation.Set("full", data.IsFull ? 1 : 0);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (floor, target) = expected["full"].Item() == 1 ? FullBand : QuickBand;
        var (predictions, labels) = (student["predictions"], expected["labels"]);
        if (!predictions.Shape.SequenceEqual(labels.Shape))
        {
            return Verdict.Fail($"expected one prediction per validation image ({labels.Shape[0]}); got shape ({string.Join(", ", predictions.Shape.ToArray())}).");
        }

        var accuracy = Classification.Accuracy(predictions, labels);
        var points = Band(accuracy, floor, target);
        var notes = Notes(student, accuracy);
        var text = $"{Scenario}: validation accuracy {100 * accuracy:0.0} % (full marks at {100 * target:0} %, none at {100 * floor:0} % or below).{notes}";
        return new Verdict(points, points >= 1 && notes.Length == 0 ? "" : text);
    }

    public override ExperimentSummary Summarize(Observation run, Observation heldOut)
    {
        var labels = heldOut["labels"];
        var history = run["history"];
        var data = _data ?? throw new InvalidOperationException("Summarize needs the held-out data: call HeldOut first.");
        var series = new Dictionary<string, IReadOnlyList<double>>();
        string[] columns = ["train_loss", "train_accuracy", "val_loss", "val_accuracy"];
        for (var c = 0; c < columns.Length; c++)
        {
            series[columns[c]] = history.Shape[0] == 0 ? [] : history.Narrow(1, c, 1).Reshape(-1).ToArray<double>();
        }

        var images = new Dictionary<string, byte[]>();
        var facts = new Dictionary<string, string> { ["data"] = data.Description };
        var predicted = run["gallery_predictions"].To(DType.Int64).ToArray<long>();
        var indices = GalleryIndices(labels.Shape[0]);
        for (var i = 0; i < Math.Min(predicted.Length, indices.Length); i++)
        {
            var (image, label) = data.Validation[(int)indices[i]];
            images[$"gallery_{i}"] = ImageCodec.EncodeJpeg(ImageResize.ShorterSide(HymenopteraData.CenterView(image), 112));
            facts[$"gallery_{i}"] = predicted[i] == label ? $"predicted: {Name(data, predicted[i])} ✓" : $"predicted: {Name(data, predicted[i])} (true: {data.Classes[label]})";
        }

        return new ExperimentSummary(
            new Dictionary<string, double>
            {
                ["val_accuracy"] = Classification.Accuracy(run["predictions"], labels),
                ["untrained_val_accuracy"] = Classification.Accuracy(run["untrained_predictions"], labels),
                ["best_epoch_val_accuracy"] = series["val_accuracy"].DefaultIfEmpty(double.NaN).Max(),
                ["epochs"] = history.Shape[0],
                ["train_images"] = data.Train.Count,
                ["val_images"] = labels.Shape[0],
                ["trained_parameters"] = run["trained_parameters"].Item(),
                ["backbone_change"] = run["backbone_change"].Item(),
                ["training_minutes"] = run["training_seconds"].Item() / 60,
            },
            series,
            new Dictionary<string, ExperimentTable>(),
            facts)
        {
            Images = images,
        };
    }

    /// <summary>Sets the model up for the scenario with the student's code and returns the parameters the optimizer updates.</summary>
    protected abstract IReadOnlyList<Tensor> Prepare(ResNet model, int classes, Generator generator);

    /// <summary>What else the verdict should say about the run (empty when nothing); a scenario may add its own.</summary>
    protected virtual string Notes(Observation student, double accuracy)
    {
        var history = student["history"];
        if (history.Shape[0] == 0)
        {
            return "";
        }

        var best = history.Narrow(1, 3, 1).Max().Item();
        return Math.Abs(best - accuracy) > 1e-9
            ? $" The best epoch's validation accuracy was {100 * best:0.0} % but the returned model scores {100 * accuracy:0.0} %: does TrainModel restore the best epoch's weights at the end?"
            : "";
    }

    private static Tensor Predict(ResNet model, Tensor images)
    {
        var wasTraining = model.Training;
        model.Eval();
        var predictions = Classification.Predict(model.Call, images, 16);
        model.Train(wasTraining);
        return predictions;
    }

    /// <summary>
    /// The gallery's predictions from the student's VisualizeModel; while that is still a stub, the grader's own predictions,
    /// so that a missing gallery does not cost the accuracy's points.
    /// </summary>
    private static Tensor Gallery(ResNet model, Tensor validation, Tensor predictions)
    {
        var gallery = Tensor.FromArray(GalleryIndices(validation.Shape[0]), GalleryCount);
        try
        {
            var predicted = TransferLearning.VisualizeModel(model, validation.IndexSelect(0, gallery), GalleryCount);
            return Tensor.FromArray(predicted, predicted.Length);
        }
        catch (NotImplementedException)
        {
            return predictions.IndexSelect(0, gallery);
        }
    }

    private static Tensor History(IReadOnlyList<EpochResult> history)
    {
        var values = new double[history.Count, 4];
        for (var e = 0; e < history.Count; e++)
        {
            (values[e, 0], values[e, 1], values[e, 2], values[e, 3]) = (history[e].TrainLoss, history[e].TrainAccuracy, history[e].ValLoss, history[e].ValAccuracy);
        }

        return history.Count == 0 ? Tensor.Zeros([0, 4], DType.Float64) : Tensor.FromArray(values);
    }

    /// <summary>The largest absolute change of any pretrained weight (the new final layer excluded; batch-norm statistics excluded, as they move in training mode).</summary>
    private static double BackboneChange(ResNet model, Dictionary<string, Tensor> before)
    {
        var change = 0.0;
        foreach (var (name, value) in model.NamedParameters())
        {
            if (before.TryGetValue(name, out var old) && !name.StartsWith("fc.", StringComparison.Ordinal))
            {
                change = Math.Max(change, (value.Detach() - old).Abs().Max().Item());
            }
        }

        return change;
    }

    private static long[] GalleryIndices(int count) => [.. Enumerable.Range(0, GalleryCount).Select(i => (long)(((2 * i) + 1) * count / (2 * GalleryCount)))];

    private static string Name(HymenopteraData data, long label) => label >= 0 && label < data.Classes.Count ? data.Classes[(int)label] : $"class {label}";
}
