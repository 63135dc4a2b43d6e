namespace Autograder.Reports.Fragments;

/// <summary>Saves the figures of a Markdown report as files in a folder beside it (<c>a1_files/figure-1.png</c>), named in document order.</summary>
/// <param name="folder">The folder to write into; created on the first file.</param>
/// <param name="link">How the Markdown refers to the folder (its name, relative to the .md file).</param>
public sealed class MarkdownAssets(string? folder, string link)
{
    private int _count;

    /// <summary>Gets the files written, as paths.</summary>
    public List<string> Written { get; } = [];

    /// <summary>Saves <paramref name="bytes"/> and returns the link to put in the Markdown.</summary>
    /// <param name="extension">svg or png.</param>
    /// <param name="bytes">The file's content.</param>
    public string Save(string extension, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var name = $"figure-{++_count}.{extension}";
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            Written.Add(path);
        }

        return $"{link}/{name}";
    }
}
