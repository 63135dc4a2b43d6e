using Autograder.Data.Catalog;
using Autograder.Data.Datasets;
using Autograder.Data.Pretrained;
using Autograder.Data.Text;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;

namespace Autograder.Host.Experiments.A3;

/// <summary>
/// What A3's captioning experiments share: the Flickr8k corpus, its SqueezeNet features (computed once, cached, standardised
/// with the training images' statistics), the human captions the host holds back, and corpus BLEU-4 of generated captions.
/// </summary>
internal static class CaptionData
{
    /// <summary>Captions are cut to this many words for training.</summary>
    public const int MaxWords = 16;

    /// <summary>Generated captions have this many words (cut at the end word when read).</summary>
    public const int SampleLength = 18;

    /// <summary>The end word's index: generated captions stop there.</summary>
    private const long EndToken = 2;

    /// <summary>The data sets the captioning experiments read: the captions and images, and the network that computes their features.</summary>
    public static IReadOnlyList<DataRequirement> Requirements { get; } = [ExperimentData.Flickr8k, ExperimentData.SqueezeNet];

    /// <summary>
    /// The corpus and whether it is the full set: <c>flickr8k-subset1000</c> (800/100/100) for a full run when present, else the
    /// bundled <c>flickr8k-small</c> (400/100/100: the same validation and test images). Vocabulary: words seen at least three times.
    /// </summary>
    public static (CaptionCorpus Corpus, bool IsFull) Corpus(IReadOnlyDictionary<string, string> settings)
    {
        var (folder, _, full) = ExperimentData.Locate(settings, ExperimentData.Flickr8k);
        return (CaptionCorpus.Load(folder), full);
    }

    /// <summary>The features of a corpus's images (in corpus order) cut into its training, validation and test images.</summary>
    public static (Tensor Train, Tensor Validation, Tensor Test) Split(Tensor features, CaptionCorpus corpus)
    {
        var (train, validation) = (corpus.Train.Items.Count, corpus.Validation.Items.Count);
        return (features.Narrow(0, 0, train), features.Narrow(0, train, validation), features.Narrow(0, train + validation, corpus.Test.Items.Count));
    }

    /// <summary>The corpus images' pooled features, (N, 512) float64, each feature standardised with the training images' mean and deviation.</summary>
    public static Tensor Pooled(CaptionCorpus corpus, ProbeContext context) => Standardised(Features(corpus, context, spatial: false).To(DType.Float64), corpus, [0]);

    /// <summary>The corpus images' 169 regions each, (N, 169, 512) float32, each feature standardised over the training images' regions.</summary>
    public static Tensor Regions(CaptionCorpus corpus, ProbeContext context)
    {
        var spatial = Features(corpus, context, spatial: true);
        return Standardised(spatial.Reshape(spatial.Shape[0], spatial.Shape[1], -1).Transpose(1, 2).Contiguous(), corpus, [0, 1]);
    }

    /// <summary>The captions of the training pairs of the first <paramref name="images"/> training images, and each pair's image.</summary>
    public static (Tensor Captions, Tensor ImageOfPair) TrainingPairs(CaptionCorpus corpus, int images)
    {
        var pairs = corpus.Train.Pairs.Where(p => p.Image < images).ToList();
        return (corpus.Encode([.. pairs.Select(p => p.Caption)], MaxWords), Tensor.FromArray(pairs.Select(p => (long)p.Image).ToArray(), pairs.Count));
    }

    /// <summary>The human captions of a split as token ids (unknown words as −2, which no generated word matches; −1 pads).</summary>
    public static Tensor References(CaptionCorpus corpus, CaptionSplit split)
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

    /// <summary>The validation and test references, for <see cref="Experiment.HeldOut"/>.</summary>
    public static Observation HeldOut(CaptionCorpus corpus) =>
        new() { ["validation_references"] = References(corpus, corpus.Validation), ["test_references"] = References(corpus, corpus.Test) };

    /// <summary>Corpus BLEU-4 of generated captions (N, L) against references (N, 5, W): generated words up to the end word.</summary>
    public static double Bleu4(Tensor captions, Tensor references)
    {
        var candidates = Enumerable.Range(0, captions.Shape[0]).Select(i => (IReadOnlyList<long>)Words(captions[i])).ToList();
        var humans = Enumerable.Range(0, references.Shape[0])
            .Select(i => (IReadOnlyList<IReadOnlyList<long>>)[.. Enumerable.Range(0, references.Shape[1]).Select(k => (IReadOnlyList<long>)[.. references[i][k].ToArray<long>().TakeWhile(v => v != -1)])])
            .ToList();
        return BleuScore.Corpus(candidates, humans);
    }

    /// <summary>BLEU-4 of every epoch's validation captions (E, N, L).</summary>
    public static double[] PerEpoch(Tensor validation, Tensor references) =>
        [.. Enumerable.Range(0, validation.Shape[0]).Select(e => Bleu4(validation[e], references))];

    /// <summary>A generated caption's words up to the end word, without padding or start words.</summary>
    public static long[] Words(Tensor caption) =>
        [.. caption.ToArray<double>().Select(v => (long)v).TakeWhile(v => v != EndToken).Where(v => v is not 0 and not 1)];

    /// <summary>The first three test images with their generated and first human caption, as gallery images and facts <c>samples_i</c>.</summary>
    private static void AddSamples(CaptionCorpus corpus, Tensor testCaptions, Dictionary<string, byte[]> images, Dictionary<string, string> facts)
    {
        for (var i = 0; i < 3; i++)
        {
            images[$"samples_{i}"] = File.ReadAllBytes(ImagePath(corpus, i));
            facts[$"samples_{i}"] = $"“{Sentence(corpus, testCaptions[i])}” (a person wrote: “{string.Join(' ', corpus.Test.Items[i].Captions[0])}”)";
        }
    }

    /// <summary>A generated caption as text.</summary>
    public static string Sentence(CaptionCorpus corpus, Tensor caption) => string.Join(' ', corpus.Decode(Words(caption)));

    /// <summary>The file of the <paramref name="index"/>-th test image.</summary>
    public static string ImagePath(CaptionCorpus corpus, int index) => Path.Combine(corpus.Folder, "images", corpus.Test.Items[index].Image);

    /// <summary>Scores the test captions' BLEU-4 on the band of the run's kind (full or quick).</summary>
    public static Verdict Judge(Observation student, Observation expected, (double Floor, double Target) quick, (double Floor, double Target) full)
    {
        var bleu = Bleu4(student["test_captions"], expected["test_references"]);
        var (floor, target) = student["full"].Item() == 1 ? full : quick;
        var points = Experiment.Band(bleu, floor, target);
        return new Verdict(points, points >= 1 ? "" : $"test BLEU-4 {bleu:0.0000} (full marks at {target}, none at {floor} or below).");
    }

    /// <summary>
    /// A captioning run's summary: test and best validation BLEU-4, the loss per iteration, BLEU-4 per epoch, and the first
    /// three test images with their captions (when the corpus is at hand); <paramref name="addFigures"/> may add more.
    /// </summary>
    public static ExperimentSummary Summarize(Observation run, Observation heldOut, CaptionCorpus? corpus, Action<CaptionCorpus, Dictionary<string, byte[]>, Dictionary<string, string>>? addFigures = null)
    {
        var perEpoch = PerEpoch(run["validation_captions"], heldOut["validation_references"]);
        var images = new Dictionary<string, byte[]>();
        var facts = new Dictionary<string, string>
        {
            ["data"] = $"Flickr8k subset: {run["training_images"].Item()} training images (5 captions each), 100 validation, 100 test; SqueezeNet features",
        };
        if (corpus is not null)
        {
            AddSamples(corpus, run["test_captions"], images, facts);
            addFigures?.Invoke(corpus, images, facts);
        }

        return new ExperimentSummary(
            new Dictionary<string, double>
            {
                ["test_bleu4"] = Bleu4(run["test_captions"], heldOut["test_references"]),
                ["best_validation_bleu4"] = perEpoch.Max(),
                ["final_training_loss"] = run["loss"].ToArray<double>()[^1],
                ["epochs"] = perEpoch.Length,
                ["training_images"] = run["training_images"].Item(),
                ["training_seconds"] = run["training_seconds"].Item(),
            },
            new Dictionary<string, IReadOnlyList<double>> { ["loss"] = run["loss"].ToArray<double>(), ["validation_bleu4"] = perEpoch },
            new Dictionary<string, ExperimentTable>(),
            facts)
        {
            Images = images,
        };
    }

    private static Tensor Features(CaptionCorpus corpus, ProbeContext context, bool spatial)
    {
        var weights = ExperimentData.Locate(context.Settings, ExperimentData.SqueezeNet).Folder;
        var images = corpus.Train.Images.Concat(corpus.Validation.Images).Concat(corpus.Test.Images).ToList();
        var (folder, cache) = (Path.Combine(corpus.Folder, "images"), Path.Combine(DataLocator.DefaultCache, "features"));
        void Progress(double f) => context.Report(0, $"SqueezeNet features: {100 * f:0} % (computed once, then cached)");
        context.Report(0, $"SqueezeNet features of the {images.Count:N0} images (computed once, then cached)");
        return spatial ? ImageFeatures.Spatial(folder, images, weights, cache, Progress) : ImageFeatures.Pooled(folder, images, weights, cache, Progress);
    }

    /// <summary>Standardises the last dimension with the mean and deviation of the training images over <paramref name="dims"/>.</summary>
    private static Tensor Standardised(Tensor features, CaptionCorpus corpus, int[] dims)
    {
        var train = features.Narrow(0, 0, corpus.Train.Items.Count);
        var mean = train.Mean(dims, keepDim: true);
        var deviation = (train - mean).Square().Mean(dims, keepDim: true).Sqrt() + 1e-6;
        return (features - mean) / deviation;
    }
}
