using Autograder.Data.Images;

namespace Autograder.Data.Readers;

/// <summary>Lists images stored one folder per class (torchvision's <c>ImageFolder</c>): classes are the sub-folder names in ordinal order.</summary>
public static class ImageFolder
{
    /// <summary>Returns the class names and every (path, label) pair, sorted by class then file name.</summary>
    public static (IReadOnlyList<string> Classes, IReadOnlyList<(string Path, int Label)> Items) List(string root, string extension = ".png")
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"ImageFolder: '{root}' does not exist.");
        }

        var classes = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var items = new List<(string, int)>();
        for (var label = 0; label < classes.Count; label++)
        {
            var files = Directory.GetFiles(Path.Combine(root, classes[label]), "*" + extension).Order(StringComparer.Ordinal);
            items.AddRange(files.Select(f => (f, label)));
        }

        return (classes, items);
    }

    /// <summary>Decodes one listed image.</summary>
    public static Image Load(string path) => Png.Read(path);
}
