using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autograder.Reports.Results;

/// <summary>
/// The saved results a report is filled from: a grading output folder holding <c>results.json</c> (the check scores) and
/// <c>experiments/ID/metrics.json</c> with the PNG images beside each.
/// </summary>
/// <param name="Folder">Where the results were read from (named in "not run" markers).</param>
/// <param name="Experiments">The experiments' results by id.</param>
/// <param name="Scores">The check scores, in grading order; empty when there is no results.json.</param>
public sealed record ResultSet(string Folder, IReadOnlyDictionary<string, ExperimentRecord> Experiments, IReadOnlyList<CheckScore> Scores)
{
    /// <summary>The options metrics.json is written and read with: snake_case names, and NaN or ∞ (a diverged run) as strings.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Gets an empty set: every placeholder renders as "not run".</summary>
    public static ResultSet Empty(string folder) => new(folder, new Dictionary<string, ExperimentRecord>(), []);

    /// <summary>Reads the results under <paramref name="folder"/>; a folder that does not exist gives an empty set.</summary>
    /// <exception cref="FormatException">A metrics.json or results.json is not valid JSON of the expected shape (the message names the file).</exception>
    public static ResultSet Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var experiments = new Dictionary<string, ExperimentRecord>(StringComparer.Ordinal);
        var root = Path.Combine(folder, "experiments");
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "metrics.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var record = ReadExperiment(file);
                experiments[record.Id] = record;
            }
        }

        var results = Path.Combine(folder, "results.json");
        return new ResultSet(folder, experiments, File.Exists(results) ? ReadScores(results) : []);
    }

    private static ExperimentRecord ReadExperiment(string file)
    {
        var saved = Parse<SavedExperiment>(file);
        var folder = Path.GetDirectoryName(file)!;
        return new ExperimentRecord(
            saved.Id ?? Path.GetFileName(folder),
            saved.Title ?? "",
            saved.Implementation ?? "",
            saved.Outcome ?? "",
            saved.Message ?? "",
            saved.Metrics ?? [],
            saved.Series?.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value) ?? [],
            saved.Tables?.ToDictionary(p => p.Key, p => new ResultTable(p.Value.Columns ?? [], [.. (p.Value.Rows ?? []).Select(r => (IReadOnlyList<double>)r)])) ?? [],
            saved.Facts ?? [],
            saved.Images?.ToDictionary(p => p.Key, p => Path.GetFullPath(Path.Combine(folder, p.Value))) ?? []);
    }

    private static List<CheckScore> ReadScores(string file) =>
        [.. (Parse<SavedResults>(file).Tests ?? []).Select(t => new CheckScore(
            t.Number ?? t.Name ?? "", t.Name ?? "", t.Score, t.MaxScore, t.Tags is [_, var tag, ..] ? tag : t.Status ?? ""))];

    private static T Parse<T>(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(file), Json)
                ?? throw new FormatException($"{file} is empty (null). Re-run the grader to write it again.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{file} is not a results file the report can read ({e.Message}). Re-run the grader to write it again.", e);
        }
    }

    private sealed record SavedExperiment(
        string? Id, string? Title, string? Implementation, string? Outcome, string? Message,
        Dictionary<string, double>? Metrics, Dictionary<string, double[]>? Series, Dictionary<string, SavedTable>? Tables,
        Dictionary<string, string>? Facts, Dictionary<string, string>? Images);

    private sealed record SavedTable(string[]? Columns, double[][]? Rows);

    private sealed record SavedResults(SavedTest[]? Tests);

    private sealed record SavedTest(string? Name, string? Number, double Score, double MaxScore, string? Status, string[]? Tags);
}
