namespace Autograder.Grading.Tests.EndToEnd;

/// <summary><c>autograder release</c>: the student bundle holds no reference and no hidden check, and builds and grades on its own.</summary>
[NonParallelizable]
public sealed class ReleaseTests
{
    [Test]
    public void The_bundle_has_no_answers_and_builds_and_grades_the_starter()
    {
        var bundle = Path.Combine(Path.GetTempPath(), "autograder-release-test");
        if (Directory.Exists(bundle))
        {
            Directory.Delete(bundle, recursive: true);
        }

        var release = Run(Repository.Root, [.. Implementations.Grader().Prefix, "release", "--repo", Repository.Root, "--out", bundle]);
        Assert.That(release.ExitCode, Is.Zero, release.Output);
        var files = Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(bundle, f)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(files, Has.None.StartsWith("reference"));
            Assert.That(files, Has.None.Contains("Hidden"));
            Assert.That(files, Has.None.StartsWith("tests/Autograder."), "the grader's own tests reference the solution");
            Assert.That(files, Does.Contain("tests/Homework.Tests/PublicChecks.cs"));
            Assert.That(files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal) && f.StartsWith("starter", StringComparison.Ordinal)).Select(f => File.ReadAllText(Path.Combine(bundle, f))), Has.None.Contains("BEGIN SOLUTION"));
        });

        var build = Run(bundle, ["build", "-c", Implementations.Configuration, "-nologo"]);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        Assert.That(build.Output, Does.Contain("Autograder: 0 / "), "the bundle grades the starter on build");

        // The GitHub Classroom workflow's grading step, as written in the bundle, on the build above.
        var workflow = File.ReadAllText(Path.Combine(bundle, ".github", "workflows", "grade.yml"));
        var step = System.Text.RegularExpressions.Regex.Match(workflow, @"- name: Grade\s+run: (?<command>.+)").Groups["command"].Value.Trim();
        Assert.That(step, Does.StartWith("dotnet run -c Release --no-build --project grading -- check"));
        Assert.That(workflow, Does.Contain("cat out/summary.md >> \"$GITHUB_STEP_SUMMARY\""));
        var graded = Run(bundle, [.. step.Replace("-c Release", $"-c {Implementations.Configuration}", StringComparison.Ordinal).Split(' ').Skip(1)]);
        Assert.That(graded.ExitCode, Is.Zero, graded.Output);
        Assert.That(File.ReadAllText(Path.Combine(bundle, "out", "summary.md")), Does.Contain("0 / "), "the summary the job shows");

        var grader = Path.Combine(bundle, "grading", "bin", Implementations.Configuration, "net10.0", "autograder.dll");
        var starter = Path.Combine(bundle, "starter", "bin", Implementations.Configuration, "net10.0", "Homework.dll");
        var results = HostProcess.Grade(new Protocol.WorkerCommand("dotnet", [grader]), starter, bundle);
        Assert.That(results.Keys, Has.None.EndsWith("_hidden"));
        Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("not-attempted"));
        Directory.Delete(bundle, recursive: true);
    }

    [Test]
    public void Releasing_into_a_folder_that_is_not_empty_is_refused_and_touches_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("autograder-release-busy-").FullName;
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        var release = Run(Repository.Root, [.. Implementations.Grader().Prefix, "release", "--repo", Repository.Root, "--out", folder]);
        Assert.That(release.ExitCode, Is.EqualTo(2));
        Assert.That(release.Output, Does.Contain("is not empty"));
        Assert.That(Directory.GetFileSystemEntries(folder), Has.Length.EqualTo(1));
        Directory.Delete(folder, recursive: true);
    }

    private static (int ExitCode, string Output) Run(string folder, string[] arguments) => ChildProcess.Run("dotnet", arguments, folder);
}
