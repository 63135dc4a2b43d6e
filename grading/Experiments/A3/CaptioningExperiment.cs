using Autograder.Data.Catalog;
using Autograder.Data.Datasets;
using Autograder.Data.Pretrained;
using Autograder.Data.Text;
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
/// Full run: 800 training images (4,000 captions), 12 epochs, hidden size 192; quick run: the first 400 training images, 8 epochs, hidden size 128.
/// </summary>
internal sealed class CaptioningExperiment : Experiment
{
    /// <summary>Captions are cut to this many words for training.</summary>
    private const int MaxWords = 16;

    /// <summary>Generated captions have this many words (cut at the end word when read).</summary>
    private const int SampleLength = 18;

    private const int BatchSize = 100;

    private CaptionCorpus? _corpus;

    public override CheckInfo Info { get; } = new("a3.captioning_lstm", "A3", "Experiment: LSTM captioning on Flickr8k (SqueezeNet features), test BLEU-4", 8,
        Visibility.Visible, TimeSpan.FromMinutes(40), ["Homework.A3.CaptioningRnn.Loss", "Homework.A3.CaptioningRnn.Sample"]);

    public override Observation Probe(ProbeContext context)
    {
        var corpus = Corpus(context.Settings);
        var features = Features(corpus, context);
        var quick = context.Quick;
        var (trainImages, epochs, wordDim, hidden) = quick ? (400, 8, 64, 128) : (CaptionCorpus.TrainImages, 12, 96, 192);
        var pairs = corpus.Train.Pairs.Where(p => p.Image < trainImages).ToList();
        var captions = corpus.Encode([.. pairs.Select(p => p.Caption)], MaxWords);
        var imageOfPair = Tensor.FromArray(pairs.Select(p => (long)p.Image).ToArray(), pairs.Count);
        var (trainFeatures, validationFeatures, testFeatures) = (features.Narrow(0, 0, 800), features.Narrow(0, 800, 100), features.Narrow(0, 900, 100));

        var generator = new Generator(context.Seed);
        var model = new CaptioningRnn(corpus.Vocabulary.Count, features.Shape[1], wordDim, hidden, CellType.Lstm, generator);
        var rules = model.Parameters.Keys.ToDictionary(k => k, IUpdateRule (_) => new Adam(5e-3));
        var (losses, validation) = (new List<double>(), new List<Tensor>());
        var steps = pairs.Count / BatchSize;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var order = Tensor.Randperm(generator, pairs.Count);
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

            validation.Add(model.Sample(validationFeatures, SampleLength).To(DType.Float64));
        }

        var observation = new Observation
        {
            ["loss"] = Tensor.FromArray(losses.ToArray(), losses.Count),
            ["validation_captions"] = Tensor.Stack(validation, 0),
            ["test_captions"] = model.Sample(testFeatures, SampleLength).To(DType.Float64),
        };
        observation.Set("training_images", trainImages);
        observation.Set("full", quick ? 0 : 1);
        return observation;
    }

    /// <summary>The human captions of the validation and test images as token ids (unknown words as −2, which no generated word matches; −1 pads).</summary>
    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings)
    {
        var corpus = Corpus(settings);
        return new Observation { ["validation_references"] = References(corpus, corpus.Validation), ["test_references"] = References(corpus, corpus.Test) };
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var bleu = Bleu4(student["test_captions"], expected["test_references"]);
        var (floor, target) = student["full"].Item() == 1 ? (0.02, 0.10) : (0.01, 0.06);
        var points = Band(bleu, floor, target);
        return new Verdict(points, points >= 1 ? "" : $"test BLEU-4 {bleu:0.0000} (full marks at {target}, none at {floor} or below).");
    }

    public override ExperimentSummary Summarize(Observation run, Observation heldOut)
    {
        var validation = run["validation_captions"];
        var perEpoch = Enumerable.Range(0, validation.Shape[0]).Select(e => Bleu4(validation[e], heldOut["validation_references"])).ToArray();
        var (images, facts) = (new Dictionary<string, byte[]>(), new Dictionary<string, string>
        {
            ["data"] = $"Flickr8k subset: {run["training_images"].Item()} training images (5 captions each), 100 validation, 100 test; SqueezeNet features",
        });
        if (_corpus is { } corpus)
        {
            var test = run["test_captions"];
            for (var i = 0; i < 3; i++)
            {
                var words = string.Join(' ', corpus.Decode(test[i].ToArray<double>().Select(v => (long)v)));
                images[$"samples_{i}"] = File.ReadAllBytes(Path.Combine(corpus.Folder, "images", corpus.Test.Items[i].Image));
                facts[$"samples_{i}"] = $"“{words}” (a person wrote: “{string.Join(' ', corpus.Test.Items[i].Captions[0])}”)";
            }
        }

        return new ExperimentSummary(
            new Dictionary<string, double>
            {
                ["test_bleu4"] = Bleu4(run["test_captions"], heldOut["test_references"]),
                ["best_validation_bleu4"] = perEpoch.Max(),
                ["final_training_loss"] = run["loss"].ToArray<double>()[^1],
                ["epochs"] = validation.Shape[0],
                ["training_images"] = run["training_images"].Item(),
            },
            new Dictionary<string, IReadOnlyList<double>> { ["loss"] = run["loss"].ToArray<double>(), ["validation_bleu4"] = perEpoch },
            new Dictionary<string, ExperimentTable>(),
            facts)
        {
            Images = images,
        };
    }

    private CaptionCorpus Corpus(IReadOnlyDictionary<string, string> settings)
    {
        return _corpus ??= CaptionCorpus.Load(ExperimentData.Locator(settings).Find("flickr8k-subset1000", "captions.tsv.gz"));
    }

    /// <summary>The 1,000 images' pooled SqueezeNet features, standardised with the training images' mean and deviation, float64.</summary>
    private static Tensor Features(CaptionCorpus corpus, ProbeContext context)
    {
        var weights = ExperimentData.Locator(context.Settings).Find("pretrained-squeezenet", "architecture.json");
        var images = corpus.Train.Images.Concat(corpus.Validation.Images).Concat(corpus.Test.Images).ToList();
        context.Report(0, "SqueezeNet features of the 1,000 images (computed once, then cached)");
        var features = ImageFeatures.Pooled(Path.Combine(corpus.Folder, "images"), images, weights, Path.Combine(DataLocator.DefaultCache, "features"),
            f => context.Report(0, $"SqueezeNet features: {100 * f:0} % (computed once, then cached)")).To(DType.Float64);
        var train = features.Narrow(0, 0, CaptionCorpus.TrainImages);
        var mean = train.Mean(0, keepDim: true);
        var deviation = (train - mean).Square().Mean(0, keepDim: true).Sqrt() + 1e-6;
        return (features - mean) / deviation;
    }

    private static Tensor References(CaptionCorpus corpus, CaptionSplit split)
    {
        const int Width = 40;
        var ids = new long[split.Items.Count * 5 * Width];
        Array.Fill(ids, -1);
        for (var i = 0; i < split.Items.Count; i++)
        {
            for (var k = 0; k < 5; k++)
            {
                var words = split.Items[i].Captions[k];
                for (var j = 0; j < Math.Min(Width, words.Length); j++)
                {
                    ids[(((i * 5) + k) * Width) + j] = corpus.Vocabulary.Contains(words[j]) ? corpus.Vocabulary[words[j]] : -2;
                }
            }
        }

        return Tensor.FromArray(ids, split.Items.Count, 5, Width);
    }

    /// <summary>Corpus BLEU-4 of generated captions (N, L) against references (N, 5, W): generated words up to the end word.</summary>
    private static double Bleu4(Tensor captions, Tensor references)
    {
        var candidates = Enumerable.Range(0, captions.Shape[0])
            .Select(i => (IReadOnlyList<long>)[.. captions[i].ToArray<double>().Select(v => (long)v).TakeWhile(v => v != 2).Where(v => v is not 0 and not 1)])
            .ToList();
        var humans = Enumerable.Range(0, references.Shape[0])
            .Select(i => (IReadOnlyList<IReadOnlyList<long>>)[.. Enumerable.Range(0, references.Shape[1]).Select(k => (IReadOnlyList<long>)[.. references[i][k].ToArray<long>().TakeWhile(v => v != -1)])])
            .ToList();
        return BleuScore.Corpus(candidates, humans);
    }
}
