using System.Globalization;
using System.Xml.Linq;
using Autograder.Grading.Checks;

namespace Autograder.Grading.Exporters;

/// <summary>Writes JUnit XML (<c>junit.xml</c>) for CI systems: one testsuite per assignment, one testcase per check.</summary>
/// <remarks>Failed checks carry a &lt;failure&gt;, errored and timed-out ones an &lt;error&gt;, not-attempted ones &lt;skipped&gt;.</remarks>
public static class JUnitExporter
{
    /// <summary>Builds the XML document.</summary>
    public static XDocument Build(IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var suites = new XElement("testsuites",
            new XAttribute("name", "autograder"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => r.Outcome == Outcome.Failed)),
            new XAttribute("errors", results.Count(r => r.Outcome is Outcome.Errored or Outcome.TimedOut)));
        foreach (var group in results.GroupBy(r => r.Info.Assignment))
        {
            var suite = new XElement("testsuite",
                new XAttribute("name", group.Key),
                new XAttribute("tests", group.Count()),
                new XAttribute("failures", group.Count(r => r.Outcome == Outcome.Failed)),
                new XAttribute("errors", group.Count(r => r.Outcome is Outcome.Errored or Outcome.TimedOut)),
                new XAttribute("skipped", group.Count(r => r.Outcome == Outcome.NotAttempted)),
                new XAttribute("time", Seconds(group.Sum(r => r.Duration.TotalSeconds))));
            foreach (var r in group)
            {
                var testCase = new XElement("testcase",
                    new XAttribute("classname", r.Info.Assignment),
                    new XAttribute("name", $"{r.Info.Id}: {r.Info.Title}"),
                    new XAttribute("time", Seconds(r.Duration.TotalSeconds)));
                var detail = $"{r.Message}\nscore {r.Score:0.##} / {r.Info.Points:0.##}; seed {r.Seed}; replay: {r.ReplayCommand}";
                switch (r.Outcome)
                {
                    case Outcome.Failed:
                        testCase.Add(new XElement("failure", new XAttribute("message", FirstLine(r.Message)), detail));
                        break;
                    case Outcome.Errored or Outcome.TimedOut:
                        testCase.Add(new XElement("error", new XAttribute("message", FirstLine(r.Message)), new XAttribute("type", GradescopeExporter.Tag(r.Outcome)), detail));
                        break;
                    case Outcome.NotAttempted:
                        testCase.Add(new XElement("skipped", new XAttribute("message", "not attempted")));
                        break;
                    default:
                        break;
                }

                suite.Add(testCase);
            }

            suites.Add(suite);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    /// <summary>Writes <c>junit.xml</c> into <paramref name="directory"/>.</summary>
    public static string Write(string directory, IReadOnlyList<CheckResult> results)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "junit.xml");
        AtomicFile.Write(path, temporary => Build(results).Save(temporary));
        return path;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string FirstLine(string text) => text.Split('\n')[0];
}
