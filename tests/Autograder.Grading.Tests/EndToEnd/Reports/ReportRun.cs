namespace Autograder.Grading.Tests.EndToEnd.Reports;

/// <summary>
/// The report tests of this namespace read what the README's main command wrote in a fresh clone (<see cref="FreshClone"/>:
/// <c>grade --impl reference --quick --out out --report</c>, quick experiments, real worker), including every assignment's report.
/// </summary>
[SetUpFixture]
public sealed class ReportRun
{
    /// <summary>Gets the saved results: results.json and experiments/*/metrics.json of the reference.</summary>
    public static string Results { get; private set; } = "";

    /// <summary>Gets the folder with a1.md, a1.html, a1_files/, a2.md, … a3_files/.</summary>
    public static string Reports { get; private set; } = "";

    /// <summary>Runs the built grader with these arguments (--repo added) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Autograder(params string[] arguments)
    {
        var grader = Implementations.Grader();
        return ChildProcess.Run(grader.FileName, [.. grader.Prefix, .. arguments, "--repo", Repository.Root]);
    }

    [OneTimeSetUp]
    public void UseTheMainCommandsResults()
    {
        var run = FreshClone.Main;
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Results = run.Out;
        Reports = Path.Combine(Results, "reports");
        Assert.That(run.Output, Does.Contain("a1.html").And.Contain("a2.html").And.Contain("a3.html").And.Contain("a5.html").And.Contain("a6.html"), "grade --report writes each assignment's report");
    }
}
