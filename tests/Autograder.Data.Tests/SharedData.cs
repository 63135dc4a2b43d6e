using Autograder.Data.Catalog;

namespace Autograder.Data.Tests;

/// <summary>Where the tests find data: the repository's data/ (bundled) and the course's full sets in ../shared/data (CI has them; a fresh clone may not).</summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } =
        DataLocator.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory) ?? throw new InvalidOperationException("Autograder.sln not found above the test folder.");

    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string Bundled(string name) => Path.Combine(RepositoryRoot, "data", name);

    /// <summary>Returns the folder of a full data set, or marks the test skipped with a message naming the set and where it was looked for.</summary>
    public static string Require(string name)
    {
        var folder = Path.Combine(SharedRoot, name);
        if (!Directory.Exists(folder))
        {
            Assert.Ignore($"Data set '{name}' is not available: looked for {folder} (the course's ../shared/data). CI has it; on a fresh clone run 'autograder data fetch {name}' or set AUTOGRADER_DATA.");
        }

        return folder;
    }
}
