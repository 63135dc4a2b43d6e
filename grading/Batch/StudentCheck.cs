using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autograder.Host.Batch;

/// <summary>One check's result as a student's <c>results.json</c> (Gradescope's format, written by the grader) holds it.</summary>
/// <param name="Id">The check's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points possible.</param>
/// <param name="Outcome">passed, failed, not-attempted, errored or timed-out.</param>
/// <param name="Message">What was wrong, without the seed and replay line.</param>
internal sealed record StudentCheck(string Id, string Title, double Score, double MaxScore, string Outcome, string Message)
{
    /// <summary>Reads the checks of the <c>results.json</c> in <paramref name="folder"/>; none when it is missing or unreadable.</summary>
    public static IReadOnlyList<StudentCheck> Load(string folder)
    {
        try
        {
            var tests = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "results.json")))?["tests"]?.AsArray() ?? [];
            return [.. tests.OfType<JsonObject>().Select(t => new StudentCheck(
                (string?)t["number"] ?? "", (string?)t["name"] ?? "", (double?)t["score"] ?? 0, (double?)t["max_score"] ?? 0,
                t["tags"] is JsonArray { Count: > 1 } tags ? (string?)tags[1] ?? "" : "", WithoutReplay((string?)t["output"] ?? "")))];
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    /// <summary>The message without the "seed …; replay: …" line the Gradescope exporter appends.</summary>
    private static string WithoutReplay(string output)
    {
        var seed = output.LastIndexOf("\nseed ", StringComparison.Ordinal);
        return (seed >= 0 ? output[..seed] : output).Trim();
    }
}
