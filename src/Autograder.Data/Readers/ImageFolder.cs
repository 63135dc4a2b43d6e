using Autograder.Data.Images;

namespace Autograder.Data.Readers;

/// <summary>Lists images stored one folder per class (torchvision's <c>ImageFolder</c>): classes are the sub-folder names in ordinal order.</summary>
public static class ImageFolder
{
    /// <summary>
    /// Returns the class names and every (path, label) pair, sorted by class then file name: the files whose extension
    /// (any case) is one of <see cref="ImageCodec.Extensions"/>, formats mixed freely; other files are skipped, as torchvision does.
    /// </summary>
    public static (IReadOnlyList<string> Classes, IReadOnlyList<(string Path, int Label)> Items) List(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"ImageFolder: '{root}' does not exist.");
        }

        var classes = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var items = new List<(string, int)>();
        for (var label = 0; label < classes.Count; label++)
        {
            var files = Directory.GetFiles(Path.Combine(root, classes[label]))
                .Where(f => ImageCodec.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal);
            items.AddRange(files.Select(f => (f, label)));
        }

        return (classes, items);
    }

    /// <summary>Decodes one listed image.</summary>
    /// <exception cref="DataFormatException">The file cannot be decoded; the message names it and says why.</exception>
    public static Image Load(string path) => ImageCodec.Read(path);

    /// <summary>
    /// Decodes every listed image that can be; each one that cannot is left out and named with its reason in
    /// <c>Failures</c>, so one bad file costs only itself.
    /// </summary>
    public static (IReadOnlyList<(Image Image, int Label)> Images, IReadOnlyList<string> Failures) LoadAll(IEnumerable<(string Path, int Label)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var images = new List<(Image, int)>();
        var failures = new List<string>();
        foreach (var (path, label) in items)
        {
            try
            {
                images.Add((ImageCodec.Read(path), label));
            }
            catch (DataFormatException e)
            {
                failures.Add(e.Message);
            }
        }

        return (images, failures);
    }
}
