using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A5;

namespace Autograder.Host.Experiments.A5;

/// <summary>
/// One of A5's five sentiment models trained on SST-2 with the student's model, <see cref="SentimentTraining.TrainEpoch"/> and
/// <see cref="SentimentTraining.Predict"/>: Adam, minibatches of 64 sentences in a seeded order, each padded to its longest
/// sentence; after every epoch the development accuracy, and the weights of the best epoch are kept. That model then predicts
/// the test sentences, which the worker reads without their labels; the host alone reads the labels and scores the accuracy.
/// With <c>--predict FILE</c> the same model also labels the sentences of FILE (written as <c>predictions.txt</c>, one label per line).
/// Full run: <see cref="Epochs"/> epochs; quick run: <see cref="QuickEpochs"/>. The whole of SST-2 ships in data/, so both use all of it.
/// </summary>
internal abstract class SentimentExperiment : Experiment
{
    private const int BatchSize = 64;

    private SentimentData? _data;

    public override IReadOnlyList<DataRequirement> Data { get; } = [ExperimentData.Sst2];

    /// <summary>Gets the model's name in tables (e.g. "bag of words").</summary>
    public abstract string ModelName { get; }

    /// <summary>Gets the test-accuracy band: no points at or below Floor, full points at Target or above (set from the reference's runs; see each model).</summary>
    protected abstract (double Floor, double Target) Bands { get; }

    /// <summary>Gets Adam's learning rate.</summary>
    protected virtual double LearningRate => 1e-3;

    /// <summary>Gets the number of epochs of a full run.</summary>
    protected virtual int Epochs => 10;

    /// <summary>Gets the number of epochs of a quick run.</summary>
    protected virtual int QuickEpochs => 4;

    /// <summary>Gets whether the model starts from GloVe vectors (the report then states their coverage).</summary>
    protected virtual bool UsesGlove => false;

    public override Observation Probe(ProbeContext context)
    {
        var data = Load(context.Settings);
        var epochs = context.Quick ? QuickEpochs : Epochs;
        Init.ManualSeed(context.Seed);
        var model = Create(data, new Generator(context.Seed));
        var optimizer = new Adam(model.Parameters(), lr: LearningRate);
        var order = new Generator(context.Seed + 1);
        var dev = SentimentData.Batches(data.Dev, [.. data.DevLabels.Select(l => (float)l)], 256).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var history = TrainingLoop.Fit(model, optimizer, () => SentimentData.Batches(data.Train, data.TrainLabels, BatchSize, order), dev, epochs,
            epoch => context.Report(epoch / (epochs + 0.5), $"{ModelName}: epoch {epoch + 1}/{epochs}"));
        var trainingSeconds = clock.Elapsed.TotalSeconds;
        var observation = new Observation
        {
            ["training_loss"] = Tensor.FromArray(history.TrainingLoss.ToArray(), history.TrainingLoss.Count),
            ["dev_accuracy"] = Tensor.FromArray(history.DevAccuracy.ToArray(), history.DevAccuracy.Count),
            ["test_predictions"] = SentimentTraining.Predict(model, SentimentData.Batches(data.TestSentences(), null, 256)),
        };
        if (context.Settings.TryGetValue(RunSettings.Predict, out var path) && path.Length > 0)
        {
            observation["file_predictions"] = SentimentTraining.Predict(model, SentimentData.Batches(data.Unlabelled(path), null, 256));
        }

        observation.Set("best_epoch", history.BestEpoch + 1);
        observation.Set("training_seconds", trainingSeconds);
        observation.Set("parameters", model.ParameterCount(trainableOnly: true));
        return observation;
    }

    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings)
    {
        var observation = new Observation { ["labels"] = SentimentData.TestLabels(Load(settings).Folder) };
        if (settings.TryGetValue(RunSettings.Predict, out var path) && path.Length > 0)
        {
            observation.Set("file_sentences", File.ReadAllLines(path).Length);
        }

        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var verdict = Classification.Judge(student["test_predictions"], expected["labels"], Bands.Floor, Bands.Target, $" ({ModelName}, best development accuracy at epoch {student["best_epoch"].Item():0})");
        if (expected.Contains("file_sentences") && (!student.Contains("file_predictions") || student["file_predictions"].NumEl != expected["file_sentences"].Item()))
        {
            return new Verdict(verdict.Fraction, $"{verdict.Message} The --predict file has {expected["file_sentences"].Item():0} lines but the model returned {(student.Contains("file_predictions") ? student["file_predictions"].NumEl : 0)} predictions.".Trim());
        }

        return verdict;
    }

    public override ExperimentSummary Summarize(Observation run, Observation heldOut)
    {
        var data = _data ?? throw new InvalidOperationException("HeldOut loads the data before runs are summarised.");
        var facts = new Dictionary<string, string>
        {
            ["model"] = ModelName,
            ["data"] = $"SST-2 ({data.Train.Count:N0} training, {data.Dev.Count:N0} development, {heldOut["labels"].Shape[0]:N0} test sentences)",
            ["vocabulary"] = $"{data.Vocabulary.Count:N0} words (training words seen at least {SentimentData.MinCount} times, with <pad> and <unk>)",
        };
        var metrics = new Dictionary<string, double>
        {
            ["test_accuracy"] = Classification.Accuracy(run["test_predictions"].Reshape(-1), heldOut["labels"]),
            ["best_epoch"] = run["best_epoch"].Item(),
            ["best_dev_accuracy"] = run["dev_accuracy"].ToArray<double>().Max(),
            ["epochs"] = run["dev_accuracy"].NumEl,
            ["training_seconds"] = run["training_seconds"].Item(),
            ["parameters"] = run["parameters"].Item(),
            ["vocabulary"] = data.Vocabulary.Count,
        };
        if (UsesGlove)
        {
            var glove = data.Glove();
            metrics["glove_token_coverage"] = data.GloveCoverage(glove);
            metrics["glove_vocabulary_coverage"] = data.VocabularyCoverage(glove);
            facts["glove"] = $"GloVe Twitter 25-d ({glove.Count:N0} words): {100 * metrics["glove_token_coverage"]:0.0} % of the training word occurrences, {100 * metrics["glove_vocabulary_coverage"]:0.0} % of the vocabulary";
        }

        var files = new Dictionary<string, string>();
        if (run.Contains("file_predictions"))
        {
            files["predictions.txt"] = string.Concat(run["file_predictions"].ToArray<long>().Select(p => $"{p}\n"));
        }

        return new ExperimentSummary(
            metrics,
            new Dictionary<string, IReadOnlyList<double>>
            {
                ["training_loss"] = run["training_loss"].ToArray<double>(),
                ["dev_accuracy"] = run["dev_accuracy"].ToArray<double>(),
            },
            new Dictionary<string, ExperimentTable>(),
            facts)
        {
            Files = files,
        };
    }

    /// <summary>The student's model, float32, its random weights from <see cref="Init.DefaultGenerator"/>.</summary>
    /// <param name="data">The data (vocabulary, GloVe vectors).</param>
    /// <param name="generator">The source of any other random numbers (GloVe's missing rows).</param>
    protected abstract SentenceClassifier Create(SentimentData data, Generator generator);

    private SentimentData Load(IReadOnlyDictionary<string, string> settings) =>
        _data ??= SentimentData.Load(ExperimentData.Locate(settings, ExperimentData.Sst2).Folder);
}
