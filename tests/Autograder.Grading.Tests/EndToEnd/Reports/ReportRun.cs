namespace Autograder.Grading.Tests.EndToEnd.Reports;

/// <summary>
/// Grades the reference once with <c>grade --quick --report</c> (quick experiments, real worker), which also renders the A1
/// and A2 reports from the results it wrote, for the report tests of this namespace; deleted afterwards.
/// </summary>
[SetUpFixture]
public sealed class ReportRun
{
    /// <summary>Gets the saved results: results.json and experiments/*/metrics.json of the reference.</summary>
    public static string Results { get; private set; } = "";

    /// <summary>Gets the folder with a1.md, a1.html, a1_files/, a2.md, a2.html, a2_files/.</summary>
    public static string Reports { get; private set; } = "";

    private static string _root = "";

    /// <summary>Runs the built grader with these arguments (--repo added) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Autograder(params string[] arguments)
    {
        var grader = Implementations.Grader();
        return ChildProcess.Run(grader.FileName, [.. grader.Prefix, .. arguments, "--repo", Repository.Root]);
    }

    [OneTimeSetUp]
    public void GradeAndRender()
    {
        _root = Directory.CreateTempSubdirectory("autograder-report-").FullName;
        Results = Path.Combine(_root, "results");
        Reports = Path.Combine(Results, "reports");
        var (graded, log) = Autograder("grade", "--impl", Implementations.Reference(), "--quick", "--out", Results, "--report");
        Assert.That(graded, Is.Zero, log);
        Assert.That(log, Does.Contain("a1.html").And.Contain("a2.html"), "grade --report writes each assignment's report");
        var captioningData = Directory.Exists(Path.Combine(Repository.Root, "..", "shared", "data", "flickr8k-subset1000"));
        foreach (var assignment in captioningData ? (string[])["a1", "a2", "a3"] : ["a1", "a2"])
        {
            Assert.That(File.ReadAllText(Path.Combine(Reports, assignment + ".md")), Does.Not.Contain("not run").And.Not.Contain("report error"), $"the reference's {assignment} report fills every placeholder:\n{log}");
        }
    }

    [OneTimeTearDown]
    public void Delete()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
