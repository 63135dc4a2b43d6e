using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// <c>release --gradescope</c>: the autograder zip holds what Gradescope runs, and its <c>setup.sh</c> and
/// <c>run_autograder</c>, run against a fake <c>/autograder</c> tree (AUTOGRADER_ROOT), build the grader and grade a
/// submission into <c>results/results.json</c>.
/// </summary>
[NonParallelizable]
public sealed class GradescopeReleaseTests
{
    private string _root = "";
    private string _zip = "";

    [OneTimeSetUp]
    public void Release()
    {
        var grader = Implementations.Grader();
        _root = Directory.CreateTempSubdirectory("autograder-gradescope-").FullName;
        var (exitCode, output) = ChildProcess.Run(grader.FileName, [.. grader.Prefix, "release", "--gradescope", "--out", _root, "--assignment", "a1", "--checks-only", "--repo", Repository.Root]);
        Assert.That(exitCode, Is.Zero, output);
        _zip = Path.Combine(_root, "autograder.zip");
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_root, recursive: true);

    /// <summary>Every point of A1's checks (not its experiments): the reference's score in the autograder.</summary>
    private static double A1CheckPoints => global::Autograder.Host.Checks.CheckRegistry.All.Where(c => c.Info.Assignment == "A1" && c is not global::Autograder.Grading.Experiments.Experiment).Sum(c => c.Info.Points);

    [Test]
    public void The_zip_holds_the_scripts_the_grader_and_a_secret_but_no_build_output()
    {
        using var archive = ZipFile.OpenRead(_zip);
        var names = archive.Entries.Select(e => e.FullName).ToList();
        var settings = JsonNode.Parse(new StreamReader(archive.GetEntry("grading/appsettings.json")!.Open()).ReadToEnd())!;
        Assert.Multiple(() =>
        {
            Assert.That(names, Has.Member("setup.sh").And.Member("run_autograder").And.Member("reference/A1/Layers.cs").And.Member("grading/Autograder.Host.csproj"));
            Assert.That(names.Where(n => n.Contains("/Hidden/", StringComparison.Ordinal)), Is.Not.Empty, "the hidden checks grade on Gradescope");
            Assert.That(names.Where(n => n.Contains("/bin/", StringComparison.Ordinal) || n.Contains("/obj/", StringComparison.Ordinal) || n.StartsWith("tests/", StringComparison.Ordinal) || n.StartsWith(".git", StringComparison.Ordinal)), Is.Empty);
            Assert.That((archive.GetEntry("run_autograder")!.ExternalAttributes >> 16) & 0x1FF, Is.EqualTo(0x1ED), "executable (0755)");
            Assert.That((string?)settings["HiddenSeedSecret"], Has.Length.EqualTo(64), "a course secret for hidden seeds");
            Assert.That(new StreamReader(archive.GetEntry("run_autograder")!.Open()).ReadToEnd(), Does.Contain("autograder.dll\" check --assignment a1 --repo"));
        });
    }

    [Test]
    public void Setup_and_run_autograder_grade_a_submission_in_a_fake_autograder_tree()
    {
        var tree = Path.Combine(_root, "autograder");
        ZipFile.ExtractToDirectory(_zip, Path.Combine(tree, "source"));
        var environment = new Dictionary<string, string?> { ["AUTOGRADER_ROOT"] = tree };
        var (setup, setupOutput) = ChildProcess.Run("bash", [Path.Combine(tree, "source", "setup.sh")], tree, environment);
        Assert.That(setup, Is.Zero, setupOutput);

        Implementations.Sources(Path.Combine(tree, "submission"));
        File.WriteAllText(Path.Combine(tree, "submission_metadata.json"), """{"id": 42, "users": [{"email": "ada@example.edu", "name": "Ada Lovelace", "sid": "1815"}]}""");
        var (run, runOutput) = ChildProcess.Run("bash", [Path.Combine(tree, "source", "run_autograder")], tree, environment);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(tree, "results", "results.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(run, Is.Zero, runOutput);
            Assert.That((double)results["score"]!, Is.EqualTo(A1CheckPoints), runOutput);
            Assert.That(results["tests"]!.AsArray().Select(t => (string?)t!["number"]), Has.Member("a1.fc_backward_hidden"));
        });

        Directory.Delete(Path.Combine(tree, "submission"), recursive: true);
        Directory.Delete(Path.Combine(tree, "results"), recursive: true);
        Directory.CreateDirectory(Path.Combine(tree, "submission"));
        File.WriteAllText(Path.Combine(tree, "submission", "Layers.cs"), "this does not compile");
        (run, runOutput) = ChildProcess.Run("bash", [Path.Combine(tree, "source", "run_autograder")], tree, environment);
        results = JsonNode.Parse(File.ReadAllText(Path.Combine(tree, "results", "results.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That((double)results["score"]!, Is.Zero);
            Assert.That((string?)results["tests"]![0]!["output"], Does.Contain("does not compile"), "a broken submission still gets its results");
        });
    }
}
