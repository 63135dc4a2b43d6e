using System.IO.Compression;
using System.Text;

namespace Autograder.Data.Readers;

/// <summary>Reads UTF-8 lines from a plain or ".gz" text file.</summary>
public static class TextLines
{
    /// <summary>Yields every line (without its terminator).</summary>
    public static IEnumerable<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Text: '{path}' does not exist.", path);
        }

        using Stream file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
