using Autograder.Data.Readers;
using Autograder.Data.Text;
using Autograder.Tensors;
using Homework.A6;

namespace Autograder.Host.Experiments.A6;

/// <summary>
/// Multi30k as A6's experiments read it: sentences split by <see cref="TranslationTokenizer"/>, a German and an English
/// vocabulary of the training pairs' words seen at least <see cref="MinCount"/> times after <c>&lt;unk&gt; &lt;pad&gt;
/// &lt;sos&gt; &lt;eos&gt;</c> (ids 0–3, <see cref="SpecialTokens"/>), and every sentence as <c>&lt;sos&gt; words… &lt;eos&gt;</c>,
/// its words cut to fit the model's length and then padded. A quick run uses the first <see cref="QuickPairs"/> training
/// pairs (and builds its vocabularies from them) and the first <see cref="QuickEvaluationPairs"/> validation and test pairs.
/// </summary>
internal sealed class TranslationData
{
    /// <summary>The least number of times a training word must occur to get its own id.</summary>
    public const int MinCount = 2;

    /// <summary>The training pairs of a quick run.</summary>
    public const int QuickPairs = 3000;

    /// <summary>The validation and test pairs of a quick run.</summary>
    public const int QuickEvaluationPairs = 200;

    private static readonly string[] Specials = ["<unk>", "<pad>", "<sos>", "<eos>"];

    private List<(string[] Source, string[] Target)>? _test;

    private TranslationData(string folder, bool quick)
    {
        (Folder, Quick) = (folder, quick);
        var train = Read(folder, "train", quick ? QuickPairs : int.MaxValue);
        German = Vocabulary.Build(train.Select(p => p.Source), MinCount, Specials);
        English = Vocabulary.Build(train.Select(p => p.Target), MinCount, Specials);
        Train = train;
        Validation = Read(folder, "val", quick ? QuickEvaluationPairs : int.MaxValue);
    }

    /// <summary>Gets the data set's folder.</summary>
    public string Folder { get; }

    /// <summary>Gets whether this is a quick run's subset.</summary>
    public bool Quick { get; }

    /// <summary>Gets the source vocabulary.</summary>
    public Vocabulary German { get; }

    /// <summary>Gets the target vocabulary.</summary>
    public Vocabulary English { get; }

    /// <summary>Gets the training pairs, tokenised.</summary>
    public IReadOnlyList<(string[] Source, string[] Target)> Train { get; }

    /// <summary>Gets the validation pairs, tokenised (the per-epoch curves).</summary>
    public IReadOnlyList<(string[] Source, string[] Target)> Validation { get; }

    /// <summary>Loads the splits found in <paramref name="folder"/>.</summary>
    public static TranslationData Load(string folder, bool quick) => new(folder, quick);

    /// <summary>The test pairs, tokenised; only the host reads their English words (<see cref="HeldOutTargets"/>).</summary>
    public IReadOnlyList<(string[] Source, string[] Target)> Test() => _test ??= Read(Folder, "test_2016_flickr", Quick ? QuickEvaluationPairs : int.MaxValue);

    /// <summary>
    /// The test positions whose predictions are scored: <paramref name="count"/> (sentence, position) pairs drawn without
    /// replacement from every position 1 … of each test sentence's target that holds a word or its &lt;eos&gt;, with a fixed
    /// seed, so the worker (which needs only the sentences' lengths) and the host (which checks them) draw the same ones.
    /// </summary>
    public static long[,] ScoredPositions(IReadOnlyList<int> targetLengths, int length, int count)
    {
        var all = targetLengths.SelectMany((words, i) => Enumerable.Range(1, Math.Min(words, length - 2) + 1).Select(t => (Sentence: i, Position: t))).ToList();
        var order = Tensor.Randperm(new Generator(30_000), all.Count).ToArray<long>();
        var chosen = order.Take(Math.Min(count, all.Count)).Select(k => all[(int)k]).OrderBy(p => p.Sentence).ThenBy(p => p.Position).ToList();
        var positions = new long[chosen.Count, 2];
        for (var k = 0; k < chosen.Count; k++)
        {
            (positions[k, 0], positions[k, 1]) = (chosen[k].Sentence, chosen[k].Position);
        }

        return positions;
    }

    /// <summary>The target word ids at <paramref name="positions"/> (host only).</summary>
    public long[] HeldOutTargets(long[,] positions, int length)
    {
        var targets = Test().Select(p => Encode(English, p.Target, length)).ToList();
        return [.. Enumerable.Range(0, positions.GetLength(0)).Select(k => targets[(int)positions[k, 0]][positions[k, 1]])];
    }

    /// <summary>A sentence as ids: <c>&lt;sos&gt;</c>, its first <paramref name="length"/> − 2 words, <c>&lt;eos&gt;</c>, then padding to <paramref name="length"/>.</summary>
    public static long[] Encode(Vocabulary vocabulary, string[] words, int length)
    {
        var ids = Enumerable.Repeat(SpecialTokens.Padding, length).ToArray();
        var kept = Math.Min(words.Length, length - 2);
        ids[0] = SpecialTokens.Start;
        for (var i = 0; i < kept; i++)
        {
            ids[i + 1] = vocabulary[words[i]];
        }

        ids[kept + 1] = SpecialTokens.End;
        return ids;
    }

    /// <summary>The pairs as (N, length) id grids.</summary>
    public (Tensor Source, Tensor Target) Grids(IReadOnlyList<(string[] Source, string[] Target)> pairs, int length) =>
        (Grid(pairs.Select(p => Encode(German, p.Source, length)), pairs.Count, length), Grid(pairs.Select(p => Encode(English, p.Target, length)), pairs.Count, length));

    /// <summary>Minibatches of at most <paramref name="size"/> rows, in a seeded random order when <paramref name="shuffle"/> is given.</summary>
    public static IEnumerable<TranslationBatch> Batches(Tensor source, Tensor target, int size, Generator? shuffle = null)
    {
        var n = source.Shape[0];
        var order = shuffle is null ? Tensor.Arange(n) : Tensor.Randperm(shuffle, n);
        for (var start = 0; start < n; start += size)
        {
            var rows = order.Narrow(0, start, Math.Min(size, n - start));
            yield return new TranslationBatch(source.IndexSelect(0, rows), target.IndexSelect(0, rows));
        }
    }

    private static Tensor Grid(IEnumerable<long[]> rows, int n, int length) => Tensor.FromArray(rows.SelectMany(r => r).ToArray(), n, length);

    private static List<(string[] Source, string[] Target)> Read(string folder, string split, int limit) =>
        [.. ParallelText.Read(Path.Combine(folder, $"{split}.de.gz"), Path.Combine(folder, $"{split}.en.gz"))
            .Take(limit).Select(p => (TranslationTokenizer.Split(p.Source), TranslationTokenizer.Split(p.Target)))];
}
