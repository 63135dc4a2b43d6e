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

    /// <summary>Messages come from student code: control characters, line tricks and sheer size must not break or forge any result file.</summary>
    [Test]
    public void A_hostile_message_cannot_break_or_forge_the_result_files()
    {
        var hostile = "oops\u0001\u0000\u001b[2J\rreal line\r# 33 / 33 (100 %)\n<script>alert(1)</script> | cell" + new string('x', 20_000_000);
        var results = new[] { Result("pass", Outcome.Passed, 2), Result("evil", Outcome.Errored, 0) with { Message = hostile } };
        Assert.That(results[1].Message, Has.Length.LessThan(MessageText.MaxLength + 100), "capped on the way in");

        var directory = Directory.CreateTempSubdirectory("autograder-exporters-").FullName;
        try
        {
            GradescopeExporter.Write(directory, results, TimeSpan.FromSeconds(1));
            JUnitExporter.Write(directory, results);
            MarkdownSummaryExporter.Write(directory, results);
            var xml = XDocument.Load(Path.Combine(directory, "junit.xml"));
            var markdown = File.ReadAllText(Path.Combine(directory, "summary.md"));
            var lines = markdown.Split('\n');
            Assert.Multiple(() =>
            {
                Assert.That(Directory.GetFiles(directory).Select(f => new FileInfo(f).Length), Has.All.LessThan(64_000), "no file grows with the message");
                Assert.That(xml.Descendants("error").Single().Value, Does.Contain(@"oops\u0001\u0000\u001B[2J"), "control characters shown, not written");
                Assert.That(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "results.json")))!["tests"]![1]!["output"]!.GetValue<string>(), Does.Contain("more characters cut"));
                Assert.That(lines.Count(l => l.StartsWith('#')), Is.EqualTo(3), "the title, the assignment and 'To do': no forged heading");
                Assert.That(markdown, Does.Not.Contain("<script>").And.Not.Contain("\r"), "no raw HTML, no carriage return");
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestCase("a\r\nb\rc", "a\nb\nc")]
    [TestCase("tab\tkept\u0007bell", "tab\tkept\\u0007bell")]
    [TestCase(null, "")]
    public void Message_text_is_cleaned(string? text, string expected) => Assert.That(MessageText.Clean(text), Is.EqualTo(expected));

    /// <summary>A lone surrogate is invalid UTF-16 (and cannot be written to XML); a pair is a character like any other. (Not a TestCase: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.)</summary>
    [Test]
    public void Surrogate_pairs_are_kept_and_lone_surrogates_shown() =>
        Assert.That(MessageText.Clean("emoji \ud83d\ude42 kept, lone \ud800 shown, lone \udc00"), Is.EqualTo("emoji 🙂 kept, lone \\uD800 shown, lone \\uDC00"));

    [Test]
    public void A_long_message_keeps_its_start_and_says_how_much_was_cut()
    {
        var clean = MessageText.Clean(new string('a', MessageText.MaxLength) + new string('b', 5000));
        Assert.That(clean, Is.EqualTo(new string('a', MessageText.MaxLength) + "… (5,000 more characters cut)"));
        Assert.That(MessageText.Clean(new string('a', MessageText.MaxLength)), Has.Length.EqualTo(MessageText.MaxLength), "nothing cut at the limit");
    }
}
