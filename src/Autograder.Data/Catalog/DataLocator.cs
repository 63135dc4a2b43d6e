namespace Autograder.Data.Catalog;

/// <summary>Finds a data set's folder: in <c>AUTOGRADER_DATA</c>, the repository's <c>data/</c>, a sibling <c>shared/data/</c> (the course's full sets), or the download cache.</summary>
/// <remarks>Nothing is downloaded here; a missing set is reported with every place that was looked in.</remarks>
public sealed class DataLocator
{
    /// <summary>Initializes a new instance of the <see cref="DataLocator"/> class with explicit search roots, in order.</summary>
    public DataLocator(IReadOnlyList<string> roots) => Roots = roots ?? throw new ArgumentNullException(nameof(roots));

    /// <summary>Gets the folders searched, in order.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>Gets the default download cache: <c>$AUTOGRADER_CACHE</c>, or <c>~/.cache/autograder/data</c>.</summary>
    public static string DefaultCache =>
        Environment.GetEnvironmentVariable("AUTOGRADER_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "autograder", "data");

    /// <summary>The usual search order for a repository rooted at <paramref name="repositoryRoot"/>.</summary>
    public static DataLocator ForRepository(string repositoryRoot)
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("AUTOGRADER_DATA") is { Length: > 0 } explicitRoot)
        {
            roots.Add(explicitRoot);
        }

        roots.Add(Path.Combine(repositoryRoot, "data"));
        roots.Add(Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "data")));
        roots.Add(DefaultCache);
        return new DataLocator(roots);
    }

    /// <summary>Finds the repository root: the nearest folder above <paramref name="start"/> holding <c>Autograder.sln</c>.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autograder.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Returns the first root's folder for the set that holds all of <paramref name="requiredFiles"/>, or null.</summary>
    public string? TryFind(string name, params string[] requiredFiles)
    {
        ArgumentNullException.ThrowIfNull(requiredFiles);
        foreach (var root in Roots)
        {
            var folder = Path.Combine(root, name);
            if (Directory.Exists(folder) && requiredFiles.All(f => File.Exists(Path.Combine(folder, f))))
            {
                return folder;
            }
        }

        return null;
    }

    /// <summary>Returns the set's folder, or throws naming every place looked in and how to get the data.</summary>
    public string Find(string name, params string[] requiredFiles) => TryFind(name, requiredFiles)
        ?? throw new DirectoryNotFoundException($"Data set '{name}' was not found (looked for {string.Join(", ", requiredFiles.DefaultIfEmpty("its folder"))} in: {string.Join("; ", Roots.Select(r => Path.Combine(r, name)))}). Run 'autograder data fetch {name}', or set AUTOGRADER_DATA to a folder that holds it.");
}
