using Autograder.Data.Datasets;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;
using Homework.A1;
using Homework.A3;

namespace Autograder.Host.Experiments.A3;

/// <summary>
/// A3's captioning experiment: the student's CaptioningRnn ('lstm') trained with their A1 Adam on Flickr8k captions of
/// SqueezeNet features (the 512-vector of the last Fire module, standardised with the training split's statistics; computed
/// once and cached). Each epoch the worker captions the validation images greedily; at the end, the test images. The host
/// scores the captions with corpus BLEU-4 against the five human captions it holds (the worker never sees the test captions).
/// Full run: 800 training images (4,000 captions), 12 epochs, hidden size 192; quick run: the bundled flickr8k-small (the first 400 training images, the same validation and test images), 8 epochs, hidden size 128.
/// The reference reaches test BLEU-4 0.128 (full, 84 s of training) and 0.079 (quick): full marks at 0.10 and 0.06, none at 0.02 and 0.01.
/// </summary>
internal sealed class CaptioningExperiment : Experiment
{
    private const int BatchSize = 100;

    private CaptionCorpus? _corpus;

    public override CheckInfo Info { get; } = new("a3.captioning_lstm", "A3", "Experiment: LSTM captioning on Flickr8k (SqueezeNet features), test BLEU-4", 8,
        Visibility.Visible, TimeSpan.FromMinutes(40), ["Homework.A3.CaptioningRnn.Loss", "Homework.A3.CaptioningRnn.Sample"]);

    public override IReadOnlyList<DataRequirement> Data => CaptionData.Requirements;

    public override Observation Probe(ProbeContext context)
    {
        var (corpus, full) = CaptionData.Corpus(context.Settings);
        _corpus = corpus;
        var features = CaptionData.Pooled(corpus, context);
        var trainImages = corpus.Train.Items.Count;
        var (epochs, wordDim, hidden) = full ? (12, 96, 192) : (8, 64, 128);
        var (captions, imageOfPair) = CaptionData.TrainingPairs(corpus, trainImages);
        var (trainFeatures, validationFeatures, testFeatures) = CaptionData.Split(features, corpus);

        var generator = new Generator(context.Seed);
        var model = new CaptioningRnn(corpus.Vocabulary.Count, features.Shape[1], wordDim, hidden, CellType.Lstm, generator);
        var rules = model.Parameters.Keys.ToDictionary(k => k, IUpdateRule (_) => new Adam(5e-3));
        var (losses, validation) = (new List<double>(), new List<Tensor>());
        var steps = captions.Shape[0] / BatchSize;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var order = Tensor.Randperm(generator, captions.Shape[0]);
            for (var step = 0; step < steps; step++)
            {
                var batch = order.Narrow(0, step * BatchSize, BatchSize);
                var (loss, gradients) = model.Loss(trainFeatures.IndexSelect(0, imageOfPair.IndexSelect(0, batch)), captions.IndexSelect(0, batch));
                losses.Add(loss);
                foreach (var (name, rule) in rules)
                {
                    model.Parameters[name] = rule.Step(model.Parameters[name], gradients[name]);
                }

                context.Report(((epoch * steps) + step + 1) / (double)(epochs * steps + 1), $"epoch {epoch + 1}/{epochs}, loss {loss:0.00}");
            }

            foreach (var rule in rules.Values)
            {
                rule.LearningRate *= 0.95;
            }

            validation.Add(model.Sample(validationFeatures, CaptionData.SampleLength).To(DType.Float64));
        }

        var observation = new Observation
        {
            ["loss"] = Tensor.FromArray(losses.ToArray(), losses.Count),
            ["validation_captions"] = Tensor.Stack(validation, 0),
            ["test_captions"] = model.Sample(testFeatures, CaptionData.SampleLength).To(DType.Float64),
        };
        observation.Set("training_seconds", clock.Elapsed.TotalSeconds);
        observation.Set("training_images", trainImages);
        observation.Set("full", full ? 1 : 0);
        return observation;
    }

    /// <summary>The human captions of the validation and test images as token ids (unknown words as −2, which no generated word matches; −1 pads).</summary>
    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings) => CaptionData.HeldOut(_corpus ??= CaptionData.Corpus(settings).Corpus);

    public override Verdict Judge(Observation student, Observation expected) => CaptionData.Judge(student, expected, (0.01, 0.06), (0.02, 0.10));

    public override ExperimentSummary Summarize(Observation run, Observation heldOut) => CaptionData.Summarize(run, heldOut, _corpus);
}
