using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A6;

namespace Autograder.Host.Experiments.A6;

/// <summary>
/// One of A6's translators trained on Multi30k German → English with the student's model and
/// <see cref="TranslationTraining"/>: Adam (1e-3), batches of 128 pairs in a seeded order, gradients clipped at 0.5; after
/// every epoch the training loss and the validation perplexity (the student's Evaluate). The test perplexity is the
/// host's: the worker reads the test set's German sentences and the English sentences' lengths only, and returns the full
/// log-probability distribution at <see cref="ScoredPositions"/> positions drawn with a fixed seed; the host checks the
/// positions and that each row is a distribution, and averages the log-probability of the English word it holds. Also
/// greedy translations of the first test sentences and the model's attention for two of them.
/// </summary>
internal abstract class TranslationExperiment : Experiment
{
    private const int BatchSize = 128;
    private const int Translations = 5;

    private TranslationData? _data;

    public override IReadOnlyList<DataRequirement> Data { get; } = [ExperimentData.Multi30k];

    /// <summary>Gets the model's name in tables (e.g. "Seq2Seq, LSTM with attention").</summary>
    public abstract string ModelName { get; }

    /// <summary>Gets the sentences' length in ids (with &lt;sos&gt;, &lt;eos&gt; and padding).</summary>
    protected abstract int Length { get; }

    /// <summary>Gets the number of epochs of a full and of a quick run.</summary>
    protected abstract (int Full, int Quick) Epochs { get; }

    /// <summary>Gets the test-perplexity band of a full and of a quick run: full marks at Target or below, none at Floor or above (set from the reference's runs).</summary>
    protected abstract (double Floor, double Target) Bands(bool quick);

    /// <summary>Gets Adam's learning rate.</summary>
    protected virtual double LearningRate => 1e-3;

    /// <summary>Gets what differs from the default settings (tuning runs), for the report; empty for a default run.</summary>
    protected virtual string Change => "";

    /// <summary>Gets whether the attention maps' rows are source words too (self-attention), not output words.</summary>
    protected virtual bool SelfAttention => false;

    private static int ScoredPositions(bool quick) => quick ? 500 : 2000;

    public override Observation Probe(ProbeContext context)
    {
        var data = Load(context.Settings);
        var (epochs, quick) = (context.Quick || data.Quick ? Epochs.Quick : Epochs.Full, data.Quick);
        Init.ManualSeed(context.Seed);
        var (model, translate) = Create(data);
        var optimizer = new Adam(model.Parameters(), lr: LearningRate);
        var (trainSource, trainTarget) = data.Grids(data.Train, Length);
        var (validationSource, validationTarget) = data.Grids(data.Validation, Length);
        var order = new Generator(context.Seed + 1);
        var (losses, validation) = (new double[epochs], new double[epochs]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            context.Report(epoch / (epochs + 0.5), $"{ModelName}: epoch {epoch + 1}/{epochs}");
            losses[epoch] = TranslationTraining.TrainEpoch(model, translate, optimizer, TranslationData.Batches(trainSource, trainTarget, BatchSize, order));
            validation[epoch] = TranslationTraining.Evaluate(model, translate, TranslationData.Batches(validationSource, validationTarget, BatchSize));
        }

        var trainingSeconds = clock.Elapsed.TotalSeconds;
        var test = data.Test();
        var testSource = data.Grids([.. test.Select(p => (p.Source, Array.Empty<string>()))], Length).Source;
        var positions = TranslationData.ScoredPositions([.. test.Select(p => p.Target.Length)], Length, ScoredPositions(quick));
        var (distributions, greedy) = Predict(model, translate, testSource, positions);
        var observation = new Observation
        {
            ["training_loss"] = Tensor.FromArray(losses, epochs),
            ["validation_loss"] = Tensor.FromArray(validation, epochs),
            ["positions"] = Tensor.FromArray(positions.Cast<long>().ToArray(), positions.GetLength(0), 2),
            ["test_log_probabilities"] = distributions,
            ["translations"] = greedy.Narrow(0, 0, Math.Min(Translations, greedy.Shape[0])),
        };
        RecordAttention(observation, testSource.Narrow(0, 0, 2));
        observation.Set("training_seconds", trainingSeconds);
        observation.Set("parameters", model.ParameterCount(trainableOnly: true));
        return observation;
    }

    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings)
    {
        var data = Load(settings);
        var test = data.Test();
        var positions = TranslationData.ScoredPositions([.. test.Select(p => p.Target.Length)], Length, ScoredPositions(data.Quick));
        var targets = data.HeldOutTargets(positions, Length);
        var observation = new Observation
        {
            ["positions"] = Tensor.FromArray(positions.Cast<long>().ToArray(), positions.GetLength(0), 2),
            ["targets"] = Tensor.FromArray(targets, targets.Length),
        };
        observation.Set("quick", data.Quick ? 1 : 0);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (perplexity, problem) = TestPerplexity(student, expected);
        if (problem is not null)
        {
            return Verdict.Fail(problem);
        }

        var (floor, target) = Bands(expected["quick"].Item() == 1);
        var fraction = Band(-perplexity, -floor, -target);
        var message = fraction < 1 ? $"Test perplexity {perplexity:0.0} ({ModelName}): full marks at {target:0.#} or below, none at {floor:0.#} or above." : "";
        return new Verdict(fraction, message);
    }

    public override ExperimentSummary Summarize(Observation run, Observation heldOut)
    {
        var data = _data ?? throw new InvalidOperationException("HeldOut loads the data before runs are summarised.");
        var (perplexity, _) = TestPerplexity(run, heldOut);
        var validation = run["validation_loss"].ToArray<double>();
        var facts = new Dictionary<string, string>
        {
            ["model"] = ModelName,
            ["change"] = Change.Length > 0 ? Change : "the assignment's default settings",
            ["data"] = $"Multi30k ({data.Train.Count:N0} training, {data.Validation.Count:N0} validation pairs; test perplexity from {heldOut["targets"].NumEl:N0} positions of the {data.Test().Count:N0} test pairs)",
            ["vocabulary"] = $"{data.German.Count:N0} German and {data.English.Count:N0} English words (training words seen at least {TranslationData.MinCount} times, with 4 specials)",
        };
        AddTranslations(facts, run, data);
        var tables = new Dictionary<string, ExperimentTable>();
        AddAttention(tables, facts, run, data);
        return new ExperimentSummary(
            new Dictionary<string, double>
            {
                ["test_perplexity"] = perplexity,
                ["validation_perplexity"] = Math.Exp(validation[^1]),
                ["best_validation_perplexity"] = Math.Exp(validation.Min()),
                ["epochs"] = validation.Length,
                ["training_seconds"] = run["training_seconds"].Item(),
                ["parameters"] = run["parameters"].Item(),
            },
            new Dictionary<string, IReadOnlyList<double>>
            {
                ["training_loss"] = run["training_loss"].ToArray<double>(),
                ["validation_loss"] = validation,
                ["validation_perplexity"] = [.. validation.Select(Math.Exp)],
            },
            tables,
            facts);
    }

    /// <summary>The student's model, float32, its random weights from <see cref="Init.DefaultGenerator"/>, and how it maps a batch to scores for target words 1 … T − 1.</summary>
    protected abstract (Module Model, Func<TranslationBatch, Tensor> Translate) Create(TranslationData data);

    /// <summary>Records the model's attention for <paramref name="sources"/> (two test sentences) as <c>attention_i</c> (rows: output positions, columns: source positions); nothing by default.</summary>
    protected virtual void RecordAttention(Observation observation, Tensor sources)
    {
    }

    /// <summary>The host's perplexity from the sampled distributions, or why it cannot be computed.</summary>
    private static (double Perplexity, string? Problem) TestPerplexity(Observation student, Observation expected)
    {
        var (positions, rows) = (student["positions"], student["test_log_probabilities"]);
        if (!positions.Shape.SequenceEqual(expected["positions"].Shape) || !positions.Eq(expected["positions"]).All())
        {
            return (double.NaN, "The returned positions are not the ones the host draws: the experiment's code was changed.");
        }

        if (rows.Dim != 2 || rows.Shape[0] != positions.Shape[0] || !rows.Float().ToArray<float>().All(float.IsFinite))
        {
            return (double.NaN, "The test log-probabilities are missing, of the wrong shape, or not finite (NaN or infinity): did training diverge?");
        }

        var total = rows.Double().Exp().Sum(1);
        if (!total.AllClose(Tensor.OnesLike(total), 1e-3))
        {
            return (double.NaN, "The model's outputs at the test positions are not probability distributions over the vocabulary.");
        }

        var picked = rows.Double().Gather(1, expected["targets"].Unsqueeze(1));
        return (Math.Exp(-picked.Mean().Item()), null);
    }

    /// <summary>The log-probability rows at the scored positions (float32) and every sentence's greedy words, reading no English.</summary>
    private static (Tensor Distributions, Tensor Greedy) Predict(Module model, Func<TranslationBatch, Tensor> translate, Tensor source, long[,] positions)
    {
        model.Eval();
        using var noGrad = Tensor.NoGrad();
        var (rows, greedy) = (new List<Tensor>(), new List<Tensor>());
        for (var start = 0; start < source.Shape[0]; start += BatchSize)
        {
            var n = Math.Min(BatchSize, source.Shape[0] - start);
            var unseen = Tensor.Full([n, source.Shape[1]], SpecialTokens.Padding, DType.Int64);
            var logProbabilities = translate(new TranslationBatch(source.Narrow(0, start, n), unseen)).Float().LogSoftmax(2);
            greedy.Add(logProbabilities.ArgMax(2));
            for (var k = 0; k < positions.GetLength(0); k++)
            {
                if (positions[k, 0] >= start && positions[k, 0] < start + n)
                {
                    rows.Add(logProbabilities.Select(0, (int)positions[k, 0] - start).Select(0, (int)positions[k, 1] - 1));
                }
            }
        }

        return (Tensor.Stack(rows), Tensor.Cat(greedy));
    }

    private static string Sentence(TranslationData data, long[] ids) =>
        string.Join(' ', data.English.Decode(ids.TakeWhile(id => id != SpecialTokens.End && id != SpecialTokens.Padding)));

    private static void AddTranslations(Dictionary<string, string> facts, Observation run, TranslationData data)
    {
        var test = data.Test();
        var greedy = run["translations"];
        for (var i = 0; i < greedy.Shape[0]; i++)
        {
            facts[$"translation_{i}"] = $"{string.Join(' ', test[i].Source)} → “{Sentence(data, greedy.Select(0, i).ToArray<long>())}” (reference: “{string.Join(' ', test[i].Target)}”)";
        }
    }

    private void AddAttention(Dictionary<string, ExperimentTable> tables, Dictionary<string, string> facts, Observation run, TranslationData data)
    {
        foreach (var name in run.Names.Where(n => n.StartsWith("attention_", StringComparison.Ordinal) && !n.EndsWith("_labels", StringComparison.Ordinal)))
        {
            var weights = run[name].Double();
            var source = data.German.Decode(run[name + "_labels"].Select(0, 0).ToArray<long>()).ToList();
            var output = (SelfAttention ? data.German : data.English).Decode(run[name + "_labels"].Select(0, 1).ToArray<long>()).ToList();
            var (rows, columns) = (weights.Shape[0], weights.Shape[1]);
            tables[name] = new ExperimentTable(
                [.. source.Take(columns).Select((w, j) => $"{w} ({j})")],
                [.. Enumerable.Range(0, rows).Select(r => (IReadOnlyList<double>)weights.Select(0, r).ToArray<double>())]);
            facts[name + "_rows"] = string.Join('|', output.Take(rows).Select((w, j) => $"{w} ({j})"));
        }
    }

    private TranslationData Load(IReadOnlyDictionary<string, string> settings)
    {
        var (folder, _, _) = ExperimentData.Locate(settings, ExperimentData.Multi30k);
        return _data ??= TranslationData.Load(folder, RunSettings.IsQuick(settings));
    }
}
