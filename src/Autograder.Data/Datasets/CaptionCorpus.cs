using Autograder.Data.Readers;
using Autograder.Data.Text;
using Autograder.Tensors;

namespace Autograder.Data.Datasets;

/// <summary>
/// The Flickr8k subset as a captioning corpus: images with five human captions each, a fixed split, a vocabulary, and
/// captions encoded as padded index sequences.
/// </summary>
/// <remarks>
/// The split follows the file's order (the original Flickr8k order; the subset has no official split): the last
/// <see cref="TestImages"/> images test, the <see cref="ValidationImages"/> before them validate, and all before those train
/// (800 in <c>flickr8k-subset1000</c>, 400 in the bundled <c>flickr8k-small</c>, which holds the first 400 and the last 200). Captions are lower-cased, split on spaces, and tokens without a letter or digit (".", ",") dropped. The vocabulary
/// is built from the training captions: <c>&lt;NULL&gt; &lt;START&gt; &lt;END&gt; &lt;UNK&gt;</c> (ids 0–3), then every word
/// seen at least <see cref="MinimumWordCount"/> times, most frequent first.
/// </remarks>
public sealed class CaptionCorpus
{
    /// <summary>Images in the validation split.</summary>
    public const int ValidationImages = 100;

    /// <summary>Images in the test split.</summary>
    public const int TestImages = 100;

    /// <summary>A word enters the vocabulary when the training captions use it at least this often.</summary>
    public const int MinimumWordCount = 3;

    /// <summary>The special tokens, with ids 0–3: padding, start, end, unknown.</summary>
    public static readonly IReadOnlyList<string> Specials = ["<NULL>", "<START>", "<END>", "<UNK>"];

    private CaptionCorpus(string folder, IReadOnlyList<(string Image, IReadOnlyList<string> Captions)> items)
    {
        Folder = folder;
        var tokenized = items.Select(i => (i.Image, Captions: (IReadOnlyList<string[]>)[.. i.Captions.Select(Tokenize)])).ToList();
        var trainImages = tokenized.Count - ValidationImages - TestImages;
        Train = new CaptionSplit([.. tokenized.Take(trainImages)]);
        Validation = new CaptionSplit([.. tokenized.Skip(trainImages).Take(ValidationImages)]);
        Test = new CaptionSplit([.. tokenized.Skip(trainImages + ValidationImages)]);
        Vocabulary = Vocabulary.Build(Train.Items.SelectMany(i => i.Captions), MinimumWordCount, Specials, "<UNK>");
    }

    /// <summary>Gets the data set's folder (captions.tsv.gz and images/).</summary>
    public string Folder { get; }

    /// <summary>Gets the training split.</summary>
    public CaptionSplit Train { get; }

    /// <summary>Gets the validation split.</summary>
    public CaptionSplit Validation { get; }

    /// <summary>Gets the test split.</summary>
    public CaptionSplit Test { get; }

    /// <summary>Gets the vocabulary of the training captions.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Reads <c>captions.tsv.gz</c> in <paramref name="folder"/>.</summary>
    /// <exception cref="DataFormatException">The file is malformed or has fewer images than the split needs.</exception>
    public static CaptionCorpus Load(string folder)
    {
        var items = CaptionsTable.Read(Path.Combine(folder, "captions.tsv.gz"));
        return items.Count > ValidationImages + TestImages
            ? new CaptionCorpus(folder, items)
            : throw new DataFormatException($"Captions {folder}: {items.Count} images; the split needs more than {ValidationImages + TestImages} (the last {TestImages} test, the {ValidationImages} before them validate, the rest train).");
    }

    /// <summary>A caption's words: lower-cased, split on spaces, punctuation-only tokens dropped.</summary>
    public static string[] Tokenize(string caption) => [.. Tokenizer.Split(caption).Where(t => t.Any(char.IsLetterOrDigit))];

    /// <summary>
    /// Encodes captions as (M, <paramref name="maxWords"/> + 2) int64: the start word, up to <paramref name="maxWords"/> words
    /// (unknown ones as &lt;UNK&gt;), the end word, then padding.
    /// </summary>
    public Tensor Encode(IReadOnlyList<string[]> captions, int maxWords)
    {
        ArgumentNullException.ThrowIfNull(captions);
        var width = maxWords + 2;
        var ids = new long[captions.Count * width];
        for (var k = 0; k < captions.Count; k++)
        {
            var words = captions[k].Take(maxWords).Select(w => (long)Vocabulary[w]).ToList();
            ids[k * width] = 1;
            for (var j = 0; j < words.Count; j++)
            {
                ids[(k * width) + 1 + j] = words[j];
            }

            ids[(k * width) + 1 + words.Count] = 2;
        }

        return Tensor.FromArray(ids, captions.Count, width);
    }

    /// <summary>The words of generated indices: up to the first end word, without start or padding words.</summary>
    public string[] Decode(IEnumerable<long> ids) =>
        [.. Vocabulary.Decode(ids.TakeWhile(i => i != 2).Where(i => i is not 0 and not 1))];
}

/// <summary>Images of one split with their tokenized human captions.</summary>
/// <param name="Items">Image file names (in images/) and their captions' words.</param>
public sealed record CaptionSplit(IReadOnlyList<(string Image, IReadOnlyList<string[]> Captions)> Items)
{
    /// <summary>Gets the image file names, in order.</summary>
    public IReadOnlyList<string> Images => [.. Items.Select(i => i.Image)];

    /// <summary>Every (image index, caption) pair, image-major: five per image.</summary>
    public IReadOnlyList<(int Image, string[] Caption)> Pairs => [.. Items.SelectMany((item, i) => item.Captions.Select(c => (i, c)))];
}
