namespace Autograder.Grading.Tests.EndToEnd.Reports;

/// <summary><c>autograder report</c> end to end: from saved results, from a fresh run, with a student's write-up, and with results missing.</summary>
[NonParallelizable]
public sealed class ReportCommandTests
{
    /// <summary>A1's checks and experiments, as the grader has them.</summary>
    private static IEnumerable<global::Autograder.Grading.Checks.Check> A1 => global::Autograder.Host.Checks.CheckRegistry.All.Where(c => c.Info.Assignment == "A1");

    private string _scratch = "";

    [SetUp]
    public void CreateScratch() => _scratch = Directory.CreateTempSubdirectory("autograder-report-test-").FullName;

    [TearDown]
    public void DeleteScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void The_reference_reports_carry_the_measured_numbers_and_figures()
    {
        var markdown = File.ReadAllText(Path.Combine(ReportRun.Reports, "a1.md"));
        var html = File.ReadAllText(Path.Combine(ReportRun.Reports, "a1.html"));
        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("$$\n\\begin{aligned}"), "math stays TeX in the Markdown");
            Assert.That(markdown, Does.Match(@"test accuracy of\s+9\d\.\d\d %"), "the measured test accuracy, filled in");
            Assert.That(markdown, Does.Not.Contain("{{"), "every placeholder replaced");
            Assert.That(markdown, Does.Contain("](a1_files/figure-1.png)"), "plots are PNGs in Markdown: GitHub shows an SVG without its font");
            Assert.That(Directory.GetFiles(Path.Combine(ReportRun.Reports, "a1_files"), "*.svg"), Is.Empty);
            Assert.That(Directory.GetFiles(Path.Combine(ReportRun.Reports, "a1_files"), "*.png"), Has.Length.EqualTo(3 + 16), "sweep, loss and accuracy plots; two galleries of eight test images");
            Assert.That(html, Does.Not.Contain("src=\"a1_files"), "the HTML links no files: everything is inline");
            Assert.That(html, Does.Contain("<math").And.Contain("<svg").And.Contain("data:image/png;base64,"));
            Assert.That(html, Does.Not.Contain("not run").And.Not.Contain("report error"));
        });
        var a2 = File.ReadAllText(Path.Combine(ReportRun.Reports, "a2.md"));
        Assert.That(a2, Does.Contain("| **0.1** |"), "the chosen learning rate is the bold row of the sweep table");
        Assert.That(Directory.GetFiles(Path.Combine(ReportRun.Reports, "a2_files"), "*.png"), Has.Length.EqualTo(a2.Split("](a2_files/figure-").Length - 1), "one file per figure");
    }

    [Test]
    public void Without_saved_results_the_report_runs_the_assignment_and_says_so()
    {
        var (exitCode, output) = ReportRun.Autograder("report", "--assignment", "a1", "--quick", "--out", _scratch, "--strict");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain($"Running a1's {A1.Count(c => c is not global::Autograder.Grading.Experiments.Experiment)} checks and 1 experiments on reference (quick: bundled data subsets)"));
        Assert.That(File.Exists(Path.Combine(_scratch, "a1-results", "experiments", "a1.two_layer_mnist", "metrics.json")), Is.True, "the results are kept beside the report");
        Assert.That(File.ReadAllText(Path.Combine(_scratch, "a1.md")), Does.Match(@"test accuracy of\s+9\d\.\d\d %"));
    }

    [Test]
    public void Saved_results_are_read_and_nothing_is_run()
    {
        var (exitCode, output) = ReportRun.Autograder("report", "--assignment", "a1", "--results", ReportRun.Results, "--out", _scratch);
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("Reading saved results from").And.Contain("(nothing is run)").And.Not.Contain("Running"));
    }

    [Test]
    public void A_students_writeup_gets_their_numbers_and_their_unmentioned_results_appended()
    {
        var writeup = Path.Combine(_scratch, "writeup.md");
        File.WriteAllText(writeup, "# My A2\n\nMy ConvNet reached {{ metric a2.conv_net_mnist.test_accuracy percent }}.\n\nThe kernel gradient is $dK = X \\star dY$.\n");
        var (exitCode, output) = ReportRun.Autograder("report", "--assignment", "a2", "--results", ReportRun.Results, "--writeup", writeup, "--out", _scratch, "--strict");
        Assert.That(exitCode, Is.Zero, output);
        var markdown = File.ReadAllText(Path.Combine(_scratch, "a2.md"));
        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.StartWith("# My A2\n\nMy ConvNet reached 9"), "the student's text with their number");
            Assert.That(markdown, Does.Contain("$dK = X \\star dY$"), "their math kept as written");
            Assert.That(markdown, Does.Contain("## Measured results"));
            Assert.That(markdown, Does.Contain("Check scores"), "the score table added, as the write-up has none");
            Assert.That(markdown, Does.Contain("### Experiment: Fashion-MNIST CNN"), "the experiment the write-up did not mention");
            Assert.That(markdown, Does.Not.Contain("### Experiment: ThreeLayerConvNet"), "the one it mentioned is not repeated");
        });
    }

    [Test]
    public void Missing_results_are_marked_not_run_and_strict_mode_fails()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_scratch, "empty")).FullName;
        var (exitCode, output) = ReportRun.Autograder("report", "--assignment", "a2", "--results", empty, "--out", _scratch, "--strict");
        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("not run: a2.conv_net_mnist has no results in").And.Contain("could not be filled; they are marked in the report"));
        Assert.That(File.ReadAllText(Path.Combine(_scratch, "a2.html")), Does.Contain("<strong>not run:</strong>"));
    }

    [Test]
    public void The_untouched_starter_gets_a_report_that_says_what_was_not_run()
    {
        var starter = Path.Combine(Repository.Root, "starter", "bin", Implementations.Configuration, "net10.0", "Homework.dll");
        if (!File.Exists(starter))
        {
            Assert.Ignore("The starter is not built; build the solution first.");
        }

        var (exitCode, output) = ReportRun.Autograder("report", "--assignment", "a1", "--impl", starter, "--quick", "--out", _scratch);
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("not run: a1.two_layer_mnist not-attempted without results"));
        var html = File.ReadAllText(Path.Combine(_scratch, "a1.html"));
        Assert.That(html, Does.Contain("<strong>not run:</strong>").And.Contain($"<td class=\"num\">0 / {A1.Sum(c => c.Info.Points):0.##}</td>"), "the score table: nothing earned");
        Assert.That(html, Does.Contain("<math"), "the derivations are there all the same");
    }

    [TestCase("--assignment", "a9", "No assignment 'a9'. The assignments are: a1, a2")]
    [TestCase("--results", "/nonexistent/results", "No saved results at /nonexistent/results. Write them with 'autograder grade --assignment a1 --out /nonexistent/results'")]
    [TestCase("--writeup", "/nonexistent/writeup.md", "/nonexistent/writeup.md does not exist.")]
    public void Bad_arguments_say_what_to_do(string option, string value, string message)
    {
        string[] arguments = option == "--assignment" ? ["report", option, value] : ["report", "--assignment", "a1", option, value];
        var (exitCode, output) = ReportRun.Autograder([.. arguments, "--out", _scratch]);
        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain(message));
    }
}
