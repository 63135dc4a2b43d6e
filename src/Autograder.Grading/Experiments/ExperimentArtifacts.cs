using System.Text.Json;
using Autograder.Grading.Checks;

namespace Autograder.Grading.Experiments;

/// <summary>Writes an experiment's results as <c>DIR/CHECK_ID/metrics.json</c>: the score, the metrics, curves and tables that reports read.</summary>
public static class ExperimentArtifacts
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Writes the file and returns its path.</summary>
    /// <param name="directory">The experiments folder (e.g. <c>out/experiments</c>).</param>
    /// <param name="result">The graded result.</param>
    /// <param name="summary">What the run measured; null when it did not complete.</param>
    /// <param name="implementation">What was graded (reference, starter, a path).</param>
    public static string Write(string directory, CheckResult result, ExperimentSummary? summary, string implementation)
    {
        ArgumentNullException.ThrowIfNull(result);
        var folder = Path.Combine(directory, result.Info.Id);
        Directory.CreateDirectory(folder);
        var document = new
        {
            Id = result.Info.Id,
            Title = result.Info.Title,
            Implementation = implementation,
            Outcome = Exporters.GradescopeExporter.Tag(result.Outcome),
            result.Score,
            MaxScore = result.Info.Points,
            result.Message,
            Seconds = Math.Round(result.Duration.TotalSeconds, 1),
            Metrics = summary?.Metrics ?? new Dictionary<string, double>(),
            Series = summary?.Series ?? new Dictionary<string, IReadOnlyList<double>>(),
            Tables = summary?.Tables ?? new Dictionary<string, ExperimentTable>(),
            Facts = summary?.Facts ?? new Dictionary<string, string>(),
        };
        var path = Path.Combine(folder, "metrics.json");
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }
}
