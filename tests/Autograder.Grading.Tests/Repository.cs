namespace Autograder.Grading.Tests;

/// <summary>The repository root (the folder above the tests holding Autograder.sln).</summary>
internal static class Repository
{
    public static string Root { get; } = Find(TestContext.CurrentContext.TestDirectory);

    private static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autograder.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Autograder.sln not found above the test folder.");
    }
}
