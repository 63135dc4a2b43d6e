using System.Globalization;
using Autograder.Grading.Checks;
using Autograder.Grading.Diagnostics;

namespace Autograder.Grading.Exporters;

/// <summary>Formats results as MSBuild canonical diagnostics at the student's method, so IDEs list them: <c>File.cs(42,9): warning AG0102: …</c>.</summary>
/// <remarks>
/// Codes: AG01xx failed, AG02xx errored or timed out (xx = the check's position); passed and not-attempted checks give no diagnostic.
/// Without a PDB the location is the project itself, which MSBuild still reports.
/// </remarks>
public static class MsBuildDiagnosticsExporter
{
    /// <summary>Returns one canonical line per failed, errored or timed-out check.</summary>
    /// <param name="results">The results.</param>
    /// <param name="homeworkPath">The graded Homework.dll (its PDB locates the methods).</param>
    /// <param name="asErrors">Report as errors rather than warnings (for CI).</param>
    public static IReadOnlyList<string> Format(IReadOnlyList<CheckResult> results, string homeworkPath, bool asErrors)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var locator = new SourceLocator(homeworkPath);
        var lines = new List<string>();
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            if (r.Outcome is Outcome.Passed or Outcome.NotAttempted)
            {
                continue;
            }

            var location = r.Info.Targets.Select(locator.Find).FirstOrDefault(l => l is not null);
            var origin = location is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l.File}({l.Line},{l.Column})") : "Homework";
            var code = string.Create(CultureInfo.InvariantCulture, $"AG{(r.Outcome == Outcome.Failed ? 1 : 2)}{(i + 1) % 100:00}");
            var message = r.Message.Split('\n')[0];
            lines.Add($"{origin}: {(asErrors ? "error" : "warning")} {code}: {r.Info.Id} ({r.Score:0.##}/{r.Info.Points:0.##}): {message} [seed {r.Seed}]");
        }

        return lines;
    }
}
