using System.Xml.Linq;
using Autograder.Grading.Checks;
using Autograder.Grading.Exporters;

namespace Autograder.Grading.Tests.Exporters;

public sealed class ExporterTests
{
    private static CheckResult Result(string id, Outcome outcome, double score, double points = 2, Visibility visibility = Visibility.Visible) =>
        new(new CheckInfo(id, "A1", $"title of {id}", points, visibility, TimeSpan.FromSeconds(1), [$"Homework.A1.Layers.{id}"]), outcome, score, outcome == Outcome.Passed ? "" : $"message of {id}\ntrace line", 7, TimeSpan.FromMilliseconds(12));

    private static readonly CheckResult[] Results =
    [
        Result("pass", Outcome.Passed, 2), Result("half", Outcome.Failed, 1), Result("todo", Outcome.NotAttempted, 0),
        Result("boom", Outcome.Errored, 0), Result("slow", Outcome.TimedOut, 0, visibility: Visibility.Hidden),
    ];

    [Test]
    public void Gradescope_results_have_every_field_of_the_spec()
    {
        var json = GradescopeExporter.Build(Results, TimeSpan.FromSeconds(3.2));
        Assert.That(json["score"]!.GetValue<double>(), Is.EqualTo(3));
        Assert.That(json["execution_time"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(json["stdout_visibility"]!.GetValue<string>(), Is.EqualTo("hidden"));
        var tests = json["tests"]!.AsArray();
        Assert.That(tests, Has.Count.EqualTo(5));
        var half = tests[1]!;
        Assert.That(half["number"]!.GetValue<string>(), Is.EqualTo("half"));
        Assert.That(half["max_score"]!.GetValue<double>(), Is.EqualTo(2));
        Assert.That(half["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(half["output"]!.GetValue<string>(), Does.Contain("message of half").And.Contain("seed 7").And.Contain("--only half"));
        Assert.That(tests[4]!["visibility"]!.GetValue<string>(), Is.EqualTo("hidden"));
        Assert.That(tests.Select(t => t!["tags"]![1]!.GetValue<string>()), Is.EqualTo(new[] { "passed", "failed", "not-attempted", "errored", "timed-out" }));
    }

    [Test]
    public void Junit_counts_failures_errors_and_skips()
    {
        var xml = XDocument.Parse(JUnitExporter.Build(Results).ToString());
        var suite = xml.Root!.Element("testsuite")!;
        Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(5));
        Assert.That((int)suite.Attribute("failures")!, Is.EqualTo(1));
        Assert.That((int)suite.Attribute("errors")!, Is.EqualTo(2));
        Assert.That((int)suite.Attribute("skipped")!, Is.EqualTo(1));
        Assert.That(suite.Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("half", StringComparison.Ordinal)).Element("failure")!.Attribute("message")!.Value, Is.EqualTo("message of half"));
    }

    [Test]
    public void Markdown_summary_tables_the_scores_and_lists_what_to_fix()
    {
        var md = MarkdownSummaryExporter.Build(Results);
        Assert.That(md, Does.StartWith("# Autograder results: 3 / 10 (30 %)"));
        Assert.That(md, Does.Contain("| `half` title of half | failed | 1 / 2 |"));
        Assert.That(md, Does.Contain("- **boom** (Homework.A1.Layers.boom): message of boom"));
        Assert.That(md, Does.Not.Contain("**pass**"));
    }
}
