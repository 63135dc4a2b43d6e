using System.Text.Json;
using System.Text.Json.Nodes;
using Autograder.Grading.Checks;

namespace Autograder.Grading.Exporters;

/// <summary>Writes Gradescope's <c>results.json</c>: score, execution_time, output, visibility, stdout_visibility, and one test per check.</summary>
/// <remarks>
/// Each test has name, number (the check id), score, max_score, status (passed/failed), output (message, seed, replay command),
/// tags (the assignment and the outcome: passed, failed, not-attempted, errored, timed-out) and visibility.
/// </remarks>
public static class GradescopeExporter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Builds the JSON document.</summary>
    public static JsonObject Build(IReadOnlyList<CheckResult> results, TimeSpan executionTime)
    {
        ArgumentNullException.ThrowIfNull(results);
        var tests = new JsonArray();
        foreach (var r in results)
        {
            tests.Add(new JsonObject
            {
                ["name"] = r.Info.Title,
                ["number"] = r.Info.Id,
                ["score"] = Math.Round(r.Score, 4),
                ["max_score"] = r.Info.Points,
                ["status"] = r.Outcome == Outcome.Passed ? "passed" : "failed",
                ["output"] = r.Outcome == Outcome.Passed ? r.Message : $"{r.Message}\nseed {r.Seed}; replay: {r.ReplayCommand}",
                ["tags"] = new JsonArray(r.Info.Assignment, Tag(r.Outcome)),
                ["visibility"] = Visibility(r.Info.Visibility),
            });
        }

        return new JsonObject
        {
            ["score"] = Math.Round(results.Sum(r => r.Score), 4),
            ["execution_time"] = (int)Math.Ceiling(executionTime.TotalSeconds),
            ["output"] = $"{results.Count(r => r.Outcome == Outcome.Passed)} of {results.Count} checks passed.",
            ["visibility"] = "visible",
            ["stdout_visibility"] = "hidden",
            ["tests"] = tests,
        };
    }

    /// <summary>Writes <c>results.json</c> into <paramref name="directory"/>.</summary>
    public static string Write(string directory, IReadOnlyList<CheckResult> results, TimeSpan executionTime)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "results.json");
        AtomicFile.WriteAllText(path, Build(results, executionTime).ToJsonString(Json));
        return path;
    }

    /// <summary>The outcome as a tag: passed, failed, not-attempted, errored, timed-out.</summary>
    public static string Tag(Outcome outcome) => outcome switch
    {
        Outcome.Passed => "passed",
        Outcome.Failed => "failed",
        Outcome.NotAttempted => "not-attempted",
        Outcome.TimedOut => "timed-out",
        _ => "errored",
    };

    private static string Visibility(Checks.Visibility visibility) => visibility switch
    {
        Checks.Visibility.Hidden => "hidden",
        Checks.Visibility.AfterDueDate => "after_due_date",
        _ => "visible",
    };
}
