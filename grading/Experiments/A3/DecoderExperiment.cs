using Autograder.Data.Datasets;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;

namespace Autograder.Host.Experiments.A3;

/// <summary>
/// A3's framework captioning experiments: the student's decoder trained as one trains it in PyTorch (teacher forcing,
/// cross-entropy over the real words with the padding ignored, Adam 2·10⁻³ decayed ×0.95 per epoch, dropout 0.5, batches of
/// 100 captions, float32). Each epoch the worker captions the validation images greedily with the student's Sample; at the
/// end, the test images. The host scores the captions with corpus BLEU-4 against the human captions it holds.
/// Full run: 800 training images (4,000 captions), 12 epochs, W 96, H 192; quick run: the bundled flickr8k-small's 400 training images, 8 epochs, W 64, H 128.
/// </summary>
internal abstract class DecoderExperiment : Experiment
{
    private const int BatchSize = 100;

    /// <summary>Gets the corpus, once loaded (by the probe in the worker, by <see cref="HeldOut"/> in the host).</summary>
    protected CaptionCorpus? Corpus { get; private set; }

    /// <summary>Gets the test-BLEU-4 bands (no marks at or below Floor, full marks at Target) of the quick and the full run.</summary>
    protected abstract (double Floor, double Target) QuickBand { get; }

    /// <inheritdoc cref="QuickBand"/>
    protected abstract (double Floor, double Target) FullBand { get; }

    public override IReadOnlyList<DataRequirement> Data => CaptionData.Requirements;

    /// <summary>The images' SqueezeNet features, computed here in the host once and cached: workers only read them.</summary>
    public override void Prepare(IReadOnlyDictionary<string, string> settings)
    {
        var (corpus, _) = CaptionData.Corpus(settings);
        _ = Features(corpus, new ProbeContext(0, settings, (_, _) => { }));
    }

    public override Observation Probe(ProbeContext context)
    {
        var (corpus, full) = CaptionData.Corpus(context.Settings);
        Corpus = corpus;
        var features = Features(corpus, context).To(DType.Float32);
        var trainImages = corpus.Train.Items.Count;
        var setup = full ? new Setup(trainImages, 12, 96, 192, 96) : new Setup(trainImages, 8, 64, 128, 64);
        var (captions, imageOfPair) = CaptionData.TrainingPairs(corpus, setup.TrainImages);
        var (trainFeatures, validationFeatures, testFeatures) = CaptionData.Split(features, corpus);
        var vocabulary = corpus.Vocabulary.Count;

        Init.ManualSeed(context.Seed);
        var decoder = Create(vocabulary, features.Shape[^1], setup);
        var optimizer = new Adam(decoder.Parameters(), lr: 2e-3);
        var schedule = new StepLR(optimizer, stepSize: 1, gamma: 0.95);
        var generator = new Generator(context.Seed);
        var (losses, validation) = (new List<double>(), new List<Tensor>());
        var steps = captions.Shape[0] / BatchSize;
        var length = captions.Shape[1] - 1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var epoch = 0; epoch < setup.Epochs; epoch++)
        {
            decoder.Train();
            var order = Tensor.Randperm(generator, captions.Shape[0]);
            for (var step = 0; step < steps; step++)
            {
                var batch = order.Narrow(0, step * BatchSize, BatchSize);
                var words = captions.IndexSelect(0, batch);
                optimizer.ZeroGrad();
                var scores = Scores(decoder, trainFeatures.IndexSelect(0, imageOfPair.IndexSelect(0, batch)), words.Narrow(1, 0, length));
                var loss = Functional.CrossEntropy(scores.Reshape(-1, vocabulary), words.Narrow(1, 1, length).Reshape(-1), ignoreIndex: 0);
                loss.Backward();
                optimizer.Step();
                losses.Add(loss.Item());
                context.Report(((epoch * steps) + step + 1) / (double)((setup.Epochs * steps) + 1), $"epoch {epoch + 1}/{setup.Epochs}, loss {losses[^1]:0.00}");
            }

            schedule.Step();
            validation.Add(Sample(decoder, validationFeatures).Words.To(DType.Float64));
        }

        var (test, weights) = Sample(decoder, testFeatures);
        var observation = new Observation
        {
            ["loss"] = Tensor.FromArray(losses.ToArray(), losses.Count),
            ["validation_captions"] = Tensor.Stack(validation, 0),
            ["test_captions"] = test.To(DType.Float64),
        };
        if (weights is not null)
        {
            observation["test_attention"] = weights.Narrow(0, 0, 3).To(DType.Float64);
        }

        observation.Set("training_seconds", clock.Elapsed.TotalSeconds);
        observation.Set("training_images", setup.TrainImages);
        observation.Set("full", full ? 1 : 0);
        return observation;
    }

    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings) => CaptionData.HeldOut(Corpus ??= CaptionData.Corpus(settings).Corpus);

    public override Verdict Judge(Observation student, Observation expected) => CaptionData.Judge(student, expected, QuickBand, FullBand);

    public override ExperimentSummary Summarize(Observation run, Observation heldOut) =>
        CaptionData.Summarize(run, heldOut, Corpus, (corpus, images, facts) => AddFigures(corpus, run, images, facts));

    /// <summary>The image features the decoder reads, for all the corpus's images in order.</summary>
    protected abstract Tensor Features(CaptionCorpus corpus, ProbeContext context);

    /// <summary>The student's decoder, float32, with initial weights from <see cref="Init.DefaultGenerator"/>.</summary>
    protected abstract Module Create(int vocabulary, int featureDim, Setup setup);

    /// <summary>The teacher-forced scores (N, T, V) of caption inputs (N, T).</summary>
    protected abstract Tensor Scores(Module decoder, Tensor features, Tensor inputs);

    /// <summary>Greedy captions (N, <see cref="CaptionData.SampleLength"/>) and, for an attention decoder, the weights of each word.</summary>
    protected abstract (Tensor Words, Tensor? Weights) Sample(Module decoder, Tensor features);

    /// <summary>Adds experiment-specific images and facts to the summary (none by default).</summary>
    protected virtual void AddFigures(CaptionCorpus corpus, Observation run, IDictionary<string, byte[]> images, IDictionary<string, string> facts)
    {
    }

    /// <summary>A run's sizes.</summary>
    protected sealed record Setup(int TrainImages, int Epochs, int WordDim, int HiddenDim, int AttentionDim);
}
