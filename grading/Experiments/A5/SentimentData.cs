using Autograder.Data.Readers;
using Autograder.Data.Text;
using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Experiments.A5;

/// <summary>
/// SST-2 as A5's experiments read it: sentences split on white space (the files are already tokenised and lower-cased), a
/// vocabulary of the training split's words seen at least <see cref="MinCount"/> times after <c>&lt;pad&gt;</c> (id 0) and
/// <c>&lt;unk&gt;</c> (id 1), and minibatches padded to their longest sentence.
/// </summary>
internal sealed class SentimentData
{
    private readonly List<string> _trainWords;

    /// <summary>The least number of times a training word must occur to get its own id (rarer words share <c>&lt;unk&gt;</c>, which so gets trained).</summary>
    public const int MinCount = 2;

    private SentimentData(string folder)
    {
        Folder = folder;
        var train = LabeledSentences.Read(Path.Combine(folder, "stsa.binary.train.gz"));
        var dev = LabeledSentences.Read(Path.Combine(folder, "stsa.binary.dev.gz"));
        var trainTokens = train.Select(p => Tokenize(p.Sentence)).ToList();
        _trainWords = [.. trainTokens.SelectMany(t => t)];
        Vocabulary = Vocabulary.Build(trainTokens, MinCount, ["<pad>", "<unk>"]);
        Train = [.. trainTokens.Select(Encode)];
        TrainLabels = [.. train.Select(p => (float)p.Label)];
        Dev = [.. dev.Select(p => Encode(Tokenize(p.Sentence)))];
        DevLabels = [.. dev.Select(p => (long)p.Label)];
    }

    /// <summary>Gets the data set's folder.</summary>
    public string Folder { get; }

    /// <summary>Gets the vocabulary of the training split.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Gets the training sentences as word ids.</summary>
    public IReadOnlyList<long[]> Train { get; }

    /// <summary>Gets the training labels (1 positive, 0 negative).</summary>
    public IReadOnlyList<float> TrainLabels { get; }

    /// <summary>Gets the development sentences, on which the epoch is chosen.</summary>
    public IReadOnlyList<long[]> Dev { get; }

    /// <summary>Gets the development labels.</summary>
    public IReadOnlyList<long> DevLabels { get; }

    /// <summary>Loads the splits found in <paramref name="folder"/> (test labels are not read here).</summary>
    public static SentimentData Load(string folder) => new(folder);

    /// <summary>The test sentences without their labels: the worker sees only these; the host alone reads <see cref="TestLabels"/>.</summary>
    public IReadOnlyList<long[]> TestSentences() => [.. LabeledSentences.Read(Path.Combine(Folder, "stsa.binary.test.gz")).Select(p => Encode(Tokenize(p.Sentence)))];

    /// <summary>The test labels, (1,821) int64, for the host.</summary>
    public static Tensor TestLabels(string folder)
    {
        var labels = LabeledSentences.Read(Path.Combine(folder, "stsa.binary.test.gz")).Select(p => (long)p.Label).ToArray();
        return Tensor.FromArray(labels, labels.Length);
    }

    /// <summary>The GloVe vectors shipped with the set, by word.</summary>
    public IReadOnlyDictionary<string, float[]> Glove() => WordVectors.Read(Path.Combine(Folder, "glove.twitter.27B.25d.top12k.txt.gz"));

    /// <summary>Reads an unlabelled file, one sentence per line (lower-cased and split on white space here), every line kept.</summary>
    public IReadOnlyList<long[]> Unlabelled(string path) => [.. File.ReadAllLines(path).Select(line => Encode(Tokenize(line.ToLowerInvariant())))];

    /// <summary>Minibatches of at most <paramref name="size"/> sentences, in a seeded random order when <paramref name="shuffle"/> is given, each padded to its longest sentence.</summary>
    public static IEnumerable<SentenceBatch> Batches(IReadOnlyList<long[]> sentences, IReadOnlyList<float>? labels, int size, Generator? shuffle = null)
    {
        var order = shuffle is null ? [.. Enumerable.Range(0, sentences.Count)] : Tensor.Randperm(shuffle, sentences.Count).ToArray<long>().Select(i => (int)i).ToArray();
        for (var start = 0; start < order.Length; start += size)
        {
            var rows = order.AsSpan(start, Math.Min(size, order.Length - start)).ToArray();
            var width = rows.Max(r => sentences[r].Length);
            var tokens = new long[rows.Length * width];
            for (var i = 0; i < rows.Length; i++)
            {
                sentences[rows[i]].CopyTo(tokens, i * width);
            }

            var lengths = rows.Select(r => (long)sentences[r].Length).ToArray();
            var batchLabels = labels is null ? null : Tensor.FromArray(rows.Select(r => labels[r]).ToArray(), rows.Length);
            yield return new SentenceBatch(Tensor.FromArray(tokens, rows.Length, width), Tensor.FromArray(lengths, rows.Length), batchLabels);
        }
    }

    /// <summary>The fraction of the training split's word occurrences (punctuation included) that have a GloVe vector.</summary>
    public double GloveCoverage(IReadOnlyDictionary<string, float[]> glove) => _trainWords.Count(glove.ContainsKey) / (double)_trainWords.Count;

    /// <summary>The fraction of the vocabulary's words (the two specials excluded) that have a GloVe vector.</summary>
    public double VocabularyCoverage(IReadOnlyDictionary<string, float[]> glove) => Vocabulary.Tokens.Skip(2).Count(glove.ContainsKey) / (double)(Vocabulary.Count - 2);

    private static string[] Tokenize(string sentence) => sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Word ids; an empty sentence becomes one unknown word, so that every sentence has a last real word.</summary>
    private long[] Encode(string[] tokens) => tokens.Length == 0 ? [Vocabulary.UnknownId] : Vocabulary.Encode(tokens);
}
