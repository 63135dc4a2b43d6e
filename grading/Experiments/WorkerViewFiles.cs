using System.IO.Compression;
using System.Text;
using Autograder.Data.Datasets;
using Autograder.Data.Readers;
using Autograder.Data.Text;

namespace Autograder.Host.Experiments;

/// <summary>
/// What a sandboxed worker sees in place of a data file that holds answers (<see cref="Grading.Experiments.DataRequirement.WorkerViews"/>):
/// the same file, readable by the same reader, with the answers taken out. The host scores with the real file.
/// </summary>
internal static class WorkerViewFiles
{
    /// <summary>SST-2's "label sentence" lines with every label 0: the worker gets the test sentences, not their labels.</summary>
    public static byte[] SentencesWithoutLabels(string path) =>
        Gzip(TextLines.Read(path).Select(line => line.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? "0" + line[space..] : line));

    /// <summary>
    /// Flickr8k's captions with those of the validation and test images (the last <see cref="CaptionCorpus.ValidationImages"/>
    /// + <see cref="CaptionCorpus.TestImages"/> in file order) replaced by "-": the worker trains on the training captions
    /// and captions the held-out images itself; the host scores against the real ones.
    /// </summary>
    public static byte[] CaptionsWithoutHeldOutImages(string path)
    {
        var lines = TextLines.Read(path).ToList();
        var images = lines.Where(l => !l.StartsWith("image\t", StringComparison.Ordinal)).Select(l => l.Split('\t')[0]).Distinct().ToList();
        var heldOut = images.Skip(Math.Max(0, images.Count - CaptionCorpus.ValidationImages - CaptionCorpus.TestImages)).ToHashSet(StringComparer.Ordinal);
        return Gzip(lines.Select(line => line.Split('\t') is [var image, var index, _] && heldOut.Contains(image) ? $"{image}\t{index}\t-" : line));
    }

    /// <summary>
    /// Multi30k's English test sentences with every token replaced by "x": the worker translates the German sentences and
    /// needs only how many words each English one has (to draw the scored positions); the host scores against the real words.
    /// </summary>
    public static byte[] SentencesAsTokenCounts(string path) =>
        Gzip(TextLines.Read(path).Select(line => string.Join(' ', Enumerable.Repeat("x", TranslationTokenizer.Split(line).Length))));

    private static byte[] Gzip(IEnumerable<string> lines)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            foreach (var line in lines)
            {
                writer.Write(line);
                writer.Write('\n');
            }
        }

        return buffer.ToArray();
    }
}
