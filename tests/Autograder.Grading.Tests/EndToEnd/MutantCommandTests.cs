using System.Text.Json;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// <c>autograder mutants</c> on a hand-made Stryker report of reference/A1: it regrades the survivors through the real
/// grader with every check, sets aside given code and the reviewed equivalents, and writes the score.
/// </summary>
[NonParallelizable]
public sealed class MutantCommandTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("autograder-mutants-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Survivors_are_regraded_with_every_check_and_the_summary_counts_each_fate()
    {
        // What Stryker would report: five mutants of A1, four of them "survived" the public checks.
        var report = Report(
            Mutant("A1/TwoLayerNet.cs", "* weightScale;", "/ weightScale;", "Survived"),                  // the constructor: given code
            Mutant("A1/Layers.cs", "ArgumentNullException.ThrowIfNull(scores);", ";", "Survived"),        // on the equivalent list below
            Mutant("A1/Layers.cs", "dout.Sum(0)", "dout.Sum(1)", "Survived"),                             // a bug: the grader catches it
            Mutant("A1/Solver.cs", "start < n", "start <= n", "Survived"),                                // a real survivor: one more, empty batch
            Mutant("A1/Layers.cs", "x.MatMul(w) + b", "x.MatMul(w) - b", "Killed"));                      // killed by Stryker's run
        var equivalents = Path.Combine(_folder, "equivalent.tsv");
        File.WriteAllText(equivalents, "A1/Layers.cs\tArgumentNullException.ThrowIfNull(scores);\t;\tno check passes null\n");
        var summary = Path.Combine(_folder, "a1.md");

        var grader = Implementations.Grader();
        var (code, output) = ChildProcess.Run(grader.FileName, [.. grader.Prefix, "mutants", "--assignment", "a1", "--report", report, "--equivalents", equivalents, "--out", summary, "--repo", Repository.Root]);

        Assert.That(code, Is.Zero, output);
        var text = File.ReadAllText(summary);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("| tested | 5 |"));
            Assert.That(text, Does.Contain("| in code the starter gives (outside BEGIN/END SOLUTION; not counted) | 1 |"));
            Assert.That(text, Does.Contain("| killed by a public check | 1 |"));
            Assert.That(text, Does.Contain("| killed by a hidden check | 1 |"));
            Assert.That(text, Does.Contain("| equivalent (reviewed: stryker/equivalent-mutants.tsv) | 1 |"));
            Assert.That(text, Does.Contain("| survived | 1 |"));
            Assert.That(text, Does.Contain("public checks 33.3 %, every check 66.7 %"), "killed / 3 non-equivalent mutants of student code");
            Assert.That(text, Does.Contain("`start < n` → `start <= n`"));
            Assert.That(text, Does.Contain("a1.fc_backward"), "the check that killed the db mutant is named");
            Assert.That(output, Does.Contain("A1/Solver.cs\tstart < n\tstart <= n\tREASON"), "a ready line for the equivalent list");
            Assert.That(File.ReadAllText(Path.Combine(Repository.Root, "reference", "A1", "Layers.cs")), Does.Contain("dout.Sum(0)"), "the reference itself is never changed");
        });
    }

    [Test]
    public void A_report_of_another_assignment_is_refused_with_what_to_give()
    {
        var report = Report(Mutant("A1/Layers.cs", "dout.Sum(0)", "dout.Sum(1)", "Survived"));
        var grader = Implementations.Grader();
        var (code, output) = ChildProcess.Run(grader.FileName, [.. grader.Prefix, "mutants", "--assignment", "a2", "--report", report, "--repo", Repository.Root]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output.Trim(), Does.StartWith("autograder: The report holds no tested mutant under reference/A2/"));
    }

    /// <summary>A mutant of the reference's <paramref name="file"/> at the first occurrence of <paramref name="original"/>, located as Stryker does (1-based).</summary>
    private static HandMutant Mutant(string file, string original, string replacement, string status)
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, "reference", file));
        var at = source.IndexOf(original, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"{original} is not in reference/{file}");
        object Position(int offset)
        {
            var line = source[..offset].Count(c => c == '\n') + 1;
            return new { line, column = offset - (source.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1) + 1 };
        }

        return new HandMutant(file, new { id = "0", mutatorName = "Hand-made mutation", replacement, status, location = new { start = Position(at), end = Position(at + original.Length) } });
    }

    private string Report(params HandMutant[] mutants)
    {
        var files = mutants.GroupBy(m => m.File).ToDictionary(
            g => "/where/stryker/ran/reference/" + g.Key,
            g => new { language = "cs", source = "", mutants = g.Select(m => m.Json).ToArray() });
        var path = Path.Combine(_folder, "mutation-report.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { schemaVersion = "1", files }));
        return path;
    }

    /// <summary>A mutant of one file, as the report's JSON holds it.</summary>
    private sealed record HandMutant(string File, object Json);
}
