using System.Text.Json.Nodes;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// A fresh clone does the whole main job: the README's main command, with only what ships in the repository, builds
/// everything (grading the untouched starter at 0 % on the way), grades the reference at 100 % and writes every report
/// complete; and the student's project stays forgiving.
/// </summary>
[NonParallelizable]
public sealed class FreshCloneTests
{
    private static readonly string[] Assignments = ["a1", "a2", "a3", "a5", "a6"];

    [Test]
    public void The_main_command_grades_the_reference_at_full_marks_from_the_bundled_data()
    {
        var run = FreshClone.Main;
        Assert.That(run.ExitCode, Is.Zero, $"{run.Command}\n{run.Output}");
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Out, "results.json")))!;
        var tests = results["tests"]!.AsArray();
        var notPassed = tests.Where(t => t!["score"]!.GetValue<double>() < t["max_score"]!.GetValue<double>()).Select(t => $"{t!["number"]}: {t["output"]}");
        Assert.Multiple(() =>
        {
            Assert.That(notPassed, Is.Empty, "every check and experiment at full marks");
            Assert.That(tests.Select(t => t!["number"]!.GetValue<string>()), Does.Contain("a3.captioning_lstm").And.Contain("a3.decoder_attention"), "the captioning experiments ran on the bundled Flickr8k subset");
            Assert.That(tests.Select(t => t!["number"]!.GetValue<string>()), Does.Contain("a5.lstm_sst2"), "the sentiment experiments ran on the bundled SST-2");
            Assert.That(tests.Select(t => t!["number"]!.GetValue<string>()), Does.Contain("a6.transformer_multi30k").And.Contain("a6.seq2seq_lstm_attention"), "the translators trained on the bundled Multi30k");
            Assert.That(results["score"]!.GetValue<double>(), Is.EqualTo(tests.Sum(t => t!["max_score"]!.GetValue<double>())).Within(1e-9));
            Assert.That(run.Output, Does.Not.Contain("Exception").And.Not.Contain("\u001b"), "no stack trace, no escape codes in a redirected log");
            Assert.That(run.Output, Does.Match(@"Autograder: 0 / \d+ points \(0 %\): \d+ not-attempted"), "building the solution graded the untouched starter at 0 %");
        });
    }

    [TestCaseSource(nameof(Assignments))]
    public void Every_report_is_complete(string assignment)
    {
        var reports = Path.Combine(FreshClone.Main.Out, "reports");
        foreach (var file in new[] { assignment + ".md", assignment + ".html" })
        {
            var path = Path.Combine(reports, file);
            Assert.That(path, Does.Exist, FreshClone.Main.Output);
            Assert.That(File.ReadAllText(path), Does.Not.Contain("not run").IgnoreCase.And.Not.Contain("report error").IgnoreCase, $"{file} fills every placeholder");
        }
    }

    /// <summary>A half-written method with an unused variable is a warning: the starter still builds and is graded.</summary>
    [Test]
    public void A_compiler_warning_in_the_starter_does_not_stop_grading()
    {
        var run = FreshClone.Main;
        var layers = Path.Combine(run.Folder, "starter", "A1", "Layers.cs");
        var original = File.ReadAllText(layers);
        var stub = original.IndexOf("throw new NotImplementedException(", StringComparison.Ordinal);
        Assert.That(stub, Is.Positive, "the starter has stubs");
        File.WriteAllText(layers, original[..stub] + "var unused = 3;\n        " + original[stub..]);
        try
        {
            var cache = Path.Combine(run.Folder, "..", "cache");
            var (exitCode, output) = ChildProcess.Run("dotnet", ["build", "starter"], run.Folder, FreshClone.Environment(cache));
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.Zero, output);
                Assert.That(output, Does.Contain("warning CS0219"), "the warning is shown");
                Assert.That(output, Does.Not.Contain("error CS"), "and is not an error");
                Assert.That(output, Does.Match(@"Autograder: 0 / \d+ points"), "grading ran");
            });
        }
        finally
        {
            File.WriteAllText(layers, original);
        }
    }

    [Test]
    public void The_readme_states_the_main_command_that_is_tested()
    {
        Assert.That(FreshClone.ReadmeMainCommand(), Does.StartWith("dotnet build Autograder.sln -c Release && dotnet run -c Release --project grading -- grade --impl reference --quick --out out --report"));
    }
}
