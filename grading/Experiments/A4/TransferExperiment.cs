using Autograder.Data.Images;
using Autograder.Data.Pretrained;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;
using Autograder.Tensors.Models;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A4;

namespace Autograder.Host.Experiments.A4;

/// <summary>
/// A4's transfer-learning experiments, as PyTorch's tutorial runs them: the pretrained ResNet from NuGet with a new two-class
/// final layer (the student's <c>Finetune</c> or <c>Freeze</c>), trained by the student's <c>TrainModel</c> with SGD (learning
/// rate 10⁻³, momentum 0.9), StepLR (every 7 epochs × 0.1), batches of 4 randomly cropped and flipped images. The worker
/// returns the trained model's weights (every parameter and batch-norm statistic), the new layer's weights before training,
/// the per-epoch history and a gallery's predictions from the student's <c>VisualizeModel</c>; the host loads the weights
/// into its own ResNet-18 with a <c>Linear(512, 2)</c> head and measures the validation accuracy itself. Full run: 245
/// training, 153 validation images, 25 epochs (the tutorial's); quick run: the bundled 48 + 48, 3 epochs.
/// </summary>
/// <remarks>
/// The tutorial chooses the epoch by validation accuracy, so the worker must see the validation labels (they go to
/// <c>TrainModel</c>). The score is therefore not taken from predictions the worker could copy from them, nor from a model
/// object the student's code could replace: the host runs the returned weights through its own network.
/// </remarks>
internal abstract class TransferExperiment : Experiment
{
    /// <summary>Validation images shown in the report's gallery, spread evenly over both classes.</summary>
    public const int GalleryCount = 8;

    private const int BatchSize = 4;

    private const string State = "state.";

    private const string UntrainedHead = "untrained.";

    /// <summary>The host's measurements of each returned model, made once for the verdict and the summary.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Observation, HostEvaluation> _evaluations = [];

    /// <summary>The data as the host loaded it for <see cref="HeldOut"/>: the gallery's images come from here, not from the worker.</summary>
    private HymenopteraData? _data;

    /// <summary>The validation images as the network's input, prepared once by the host.</summary>
    private Tensor? _validation;

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
        var parameters = Prepare(model, data.Classes.Count, generator);
        var untrained = model.Fc.StateDict();
        var (validation, labels) = (data.ValidationInput(), data.ValidationLabels());

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
        var observation = new Observation
        {
            ["gallery_predictions"] = Gallery(model, validation),
            ["history"] = History(history),
        };
        foreach (var (name, value) in model.StateDict())
        {
            observation[State + name] = value;
        }

        foreach (var (name, value) in untrained)
        {
            observation[UntrainedHead + name] = value;
        }

        observation.Set("trained_parameters", parameters.Sum(p => (double)p.NumEl));
        observation.Set("training_seconds", seconds);
        observation.Set("full", data.IsFull ? 1 : 0);
        return observation;
    }

    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings)
    {
        var data = _data = HymenopteraData.Load(settings);
        _validation = null;
        var observation = new Observation { ["labels"] = data.ValidationLabels() };
        observation.Set("full", data.IsFull ? 1 : 0);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (floor, target) = expected["full"].Item() == 1 ? FullBand : QuickBand;
        var evaluation = Evaluate(student, expected);
        if (evaluation.Problem is { } problem)
        {
            return Verdict.Fail(problem);
        }

        var accuracy = evaluation.Accuracy;
        var points = Band(accuracy, floor, target);
        var notes = Notes(student, accuracy);
        var text = $"{Scenario}: validation accuracy {100 * accuracy:0.0} % (full marks at {100 * target:0} %, none at {100 * floor:0} % or below).{notes}";
        return new Verdict(points, points >= 1 && notes.Length == 0 ? "" : text);
    }

    public override ExperimentSummary Summarize(Observation run, Observation heldOut)
    {
        var labels = heldOut["labels"];
        var evaluation = Evaluate(run, heldOut);
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
                ["val_accuracy"] = evaluation.Accuracy,
                ["untrained_val_accuracy"] = evaluation.UntrainedAccuracy,
                ["best_epoch_val_accuracy"] = series["val_accuracy"].DefaultIfEmpty(double.NaN).Max(),
                ["epochs"] = history.Shape[0],
                ["train_images"] = data.Train.Count,
                ["val_images"] = labels.Shape[0],
                ["trained_parameters"] = run["trained_parameters"].Item(),
                ["backbone_change"] = evaluation.BackboneChange,
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

    /// <summary>
    /// How the host measures a returned model: the largest change of a pretrained weight, and the validation accuracy of
    /// the trained model and of the untrained head; or why the returned weights cannot be loaded.
    /// </summary>
    protected HostEvaluation Evaluate(Observation student, Observation expected)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(expected);
        return _evaluations.GetValue(student, _ => Measure(student, expected["labels"]));
    }

    private HostEvaluation Measure(Observation student, Tensor labels)
    {
        var data = _data ?? throw new InvalidOperationException("The host measures models after HeldOut has loaded the data.");
        var validation = _validation ??= data.ValidationInput();
        var model = PretrainedResNet.Load();
        var pretrained = model.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Detach().Clone());
        model.Fc = new Linear(ResNet.FeatureCount, data.Classes.Count);
        try
        {
            model.Fc.LoadStateDict(Entries(student, UntrainedHead));
            var untrained = Classification.Accuracy(Predict(model, validation), labels);
            model.LoadStateDict(Entries(student, State));
            var change = model.NamedParameters().Where(p => !p.Name.StartsWith("fc.", StringComparison.Ordinal))
                .Max(p => (p.Parameter.Detach() - pretrained[p.Name]).Abs().Max().Item());
            return new HostEvaluation(Classification.Accuracy(Predict(model, validation), labels), untrained, change, null);
        }
        catch (ArgumentException e)
        {
            return new HostEvaluation(double.NaN, double.NaN, double.NaN,
                $"the trained model could not be loaded into a ResNet-18 with a Linear({ResNet.FeatureCount}, {data.Classes.Count}) final layer, which the host measures: {e.Message} Finetune and Freeze must set model.Fc to a new Linear({ResNet.FeatureCount}, classes) and change nothing else of the network's structure.");
        }
    }

    private static Dictionary<string, Tensor> Entries(Observation observation, string prefix) =>
        observation.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(n => n[prefix.Length..], n => observation[n]);

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
    private static Tensor Gallery(ResNet model, Tensor validation)
    {
        var gallery = Tensor.FromArray(GalleryIndices(validation.Shape[0]), GalleryCount);
        try
        {
            var predicted = TransferLearning.VisualizeModel(model, validation.IndexSelect(0, gallery), GalleryCount);
            return Tensor.FromArray(predicted, predicted.Length);
        }
        catch (NotImplementedException)
        {
            return Predict(model, validation.IndexSelect(0, gallery));
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

    private static long[] GalleryIndices(int count) => [.. Enumerable.Range(0, GalleryCount).Select(i => (long)(((2 * i) + 1) * count / (2 * GalleryCount)))];

    private static string Name(HymenopteraData data, long label) => label >= 0 && label < data.Classes.Count ? data.Classes[(int)label] : $"class {label}";

    /// <summary>What the host measured of a returned model.</summary>
    /// <param name="Accuracy">The trained model's validation accuracy.</param>
    /// <param name="UntrainedAccuracy">The accuracy of the pretrained network with the new layer before training.</param>
    /// <param name="BackboneChange">The largest absolute change of any pretrained weight (batch-norm statistics excluded: they move in training mode).</param>
    /// <param name="Problem">Why the model could not be measured, or null.</param>
    protected sealed record HostEvaluation(double Accuracy, double UntrainedAccuracy, double BackboneChange, string? Problem);
}
