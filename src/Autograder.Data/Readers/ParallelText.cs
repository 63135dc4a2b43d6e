namespace Autograder.Data.Readers;

/// <summary>Reads aligned source/target sentence files (Multi30k's <c>train.de.gz</c> / <c>train.en.gz</c>): line i of one translates line i of the other.</summary>
public static class ParallelText
{
    /// <summary>Reads the sentence pairs; the files must have equally many lines.</summary>
    public static IReadOnlyList<(string Source, string Target)> Read(string sourcePath, string targetPath)
    {
        var source = TextLines.Read(sourcePath).ToList();
        var target = TextLines.Read(targetPath).ToList();
        if (source.Count != target.Count)
        {
            throw new DataFormatException($"Parallel text: '{sourcePath}' has {source.Count} lines but '{targetPath}' has {target.Count}; they must align line by line.");
        }

        return [.. source.Zip(target)];
    }
}
