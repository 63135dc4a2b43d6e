namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Copies files into the temporary repositories and submissions the end-to-end tests build.</summary>
internal static class TestFiles
{
    /// <summary>Copies the files of <paramref name="from"/> matching <paramref name="pattern"/> (and, if asked, of its sub-folders) into <paramref name="to"/>.</summary>
    public static void Copy(string from, string to, string pattern = "*", bool recursive = false)
    {
        foreach (var file in Directory.EnumerateFiles(from, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
