namespace Autograder.Host;

/// <summary>Where the course's folders are: the repository root holding <c>Autograder.sln</c>, with reference/, starter/ and grading/.</summary>
/// <param name="Root">The repository root.</param>
internal sealed record RepositoryPaths(string Root)
{
    public string Reference => Path.Combine(Root, "reference");

    public string Starter => Path.Combine(Root, "starter");

    public string Fixtures => Path.Combine(Root, "grading", "fixtures");

    /// <summary>Finds the root above <paramref name="start"/>, or throws saying where to run the command.</summary>
    public static RepositoryPaths Find(string start) =>
        Data.Catalog.DataLocator.FindRepositoryRoot(start) is { } root
            ? new RepositoryPaths(root)
            : throw new DirectoryNotFoundException($"No Autograder.sln in '{start}' or any folder above it. Run autograder inside the course repository, or pass --repo PATH.");

    /// <summary>The root given with --repo, or the one found above the current folder.</summary>
    public static RepositoryPaths From(string? repository) =>
        repository is { Length: > 0 } root ? new RepositoryPaths(Path.GetFullPath(root)) : Find(Directory.GetCurrentDirectory());
}
