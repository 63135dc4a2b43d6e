namespace Autograder.Host.Release;

/// <summary>Picks the repository's files that a release carries: named files and folders, minus excluded path fragments.</summary>
internal static class RepositoryFiles
{
    /// <summary>The relative paths (with '/') of <paramref name="included"/> (files, or folders taken whole) whose path contains none of <paramref name="excluded"/>.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="included">Files and folders relative to the root.</param>
    /// <param name="excluded">Path fragments never taken (<c>/bin/</c>); matched against the path with a leading '/'.</param>
    public static List<string> Select(string root, IEnumerable<string> included, IEnumerable<string> excluded)
    {
        var fragments = excluded.ToList();
        return [.. included.SelectMany(entry => Expand(root, entry)).Where(f => !fragments.Any(e => ("/" + f).Contains(e, StringComparison.Ordinal)))];
    }

    private static IEnumerable<string> Expand(string root, string entry)
    {
        var path = Path.Combine(root, entry);
        if (File.Exists(path))
        {
            return [entry];
        }

        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            : [];
    }
}
