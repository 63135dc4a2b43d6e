using System.Globalization;
using System.Text.RegularExpressions;
using Autograder.Grading.Checks;
using Autograder.Grading.Diagnostics;

namespace Autograder.Grading.Exporters;

/// <summary>Formats results as MSBuild canonical diagnostics at the student's method, so IDEs list them: <c>File.cs(42,9): warning AG0102: …</c>.</summary>
/// <remarks>
/// Codes: AG01xx failed, AG02xx errored or timed out (xx = the check's position); passed and not-attempted checks give no diagnostic.
/// Without a PDB the location is the project itself, which MSBuild still reports. The location is the member the failure
/// is about: for an exception, the student's frame that threw it (at the line it names); for a wrong result, the member
/// whose observation failed first (<see cref="CheckResult.Blame"/>); else the check's first target.
/// </remarks>
public static partial class MsBuildDiagnosticsExporter
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

            var location = Location(r, locator);
            var origin = location is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l.File}({l.Line},{l.Column})") : "Homework";
            var code = string.Create(CultureInfo.InvariantCulture, $"AG{(r.Outcome == Outcome.Failed ? 1 : 2)}{(i + 1) % 100:00}");
            var message = r.Message.Split('\n')[0];
            lines.Add($"{origin}: {(asErrors ? "error" : "warning")} {code}: {r.Info.Id} ({r.Score:0.##}/{r.Info.Points:0.##}): {message} [seed {r.Seed}]");
        }

        return lines;
    }

    private static (string File, int Line, int Column)? Location(CheckResult result, SourceLocator locator)
    {
        if (result.Outcome != Outcome.Failed)
        {
            foreach (Match frame in StudentFrame().Matches(result.Message))
            {
                if (locator.Find(frame.Groups["member"].Value) is { } thrown)
                {
                    return frame.Groups["line"].Success ? (thrown.File, int.Parse(frame.Groups["line"].Value, CultureInfo.InvariantCulture), 1) : thrown;
                }
            }
        }

        return Blamed(result).Concat(result.Info.Targets).Select(locator.Find).FirstOrDefault(l => l is not null);
    }

    /// <summary>The targets that <see cref="CheckResult.Blame"/> names: those ending in ".Blame", else in "Blame"; a full name as it is.</summary>
    private static List<string> Blamed(CheckResult result)
    {
        if (result.Blame is not { Length: > 0 } blame)
        {
            return [];
        }

        var targets = result.Info.Targets;
        var exact = targets.Where(t => t == blame || t.EndsWith("." + blame, StringComparison.Ordinal)).ToList();
        return exact.Count > 0 ? exact : [.. targets.Where(t => t.EndsWith(blame, StringComparison.Ordinal)), .. blame.StartsWith("Homework.", StringComparison.Ordinal) ? [blame] : Array.Empty<string>()];
    }

    /// <summary>A frame of the student's code in a .NET stack trace: "at Homework.A1.Layers.FcBackward(…) in …/Layers.cs:line 42".</summary>
    [GeneratedRegex(@"at (?<member>Homework(?:\.[\w`]+)+)\((?:[^\n]*?:line (?<line>\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex StudentFrame();
}
