namespace Autograder.Benchmarks.Quick;

/// <summary>Finds the repository (the folder with Autograder.sln) above the benchmark's binaries, for cases that read its data.</summary>
internal static class Repository
{
    /// <summary>The repository root; <paramref name="needs"/> says what the case reads, for the error when there is none.</summary>
    public static string Root(string needs)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autograder.sln")))
            {
                return dir.FullName;
            }
        }

        throw new ArgumentException($"{needs}; run the benchmark from inside the repository.");
    }
}
