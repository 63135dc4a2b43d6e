using System.Text.Json;
using Autograder.Grading.Checks;
using Autograder.Grading.Exporters;

namespace Autograder.Grading.Experiments;

/// <summary>Writes an experiment's results as <c>DIR/CHECK_ID/metrics.json</c> (the score, the metrics, curves and tables that reports read) its images as <c>DIR/CHECK_ID/NAME.png</c> and its text files (e.g. predictions) as <c>DIR/CHECK_ID/NAME</c>.</summary>
public static class ExperimentArtifacts
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

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
        var images = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, png) in summary?.Images ?? new Dictionary<string, byte[]>())
        {
            AtomicFile.WriteAllBytes(Path.Combine(folder, name + ".png"), png);
            images[name] = name + ".png";
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, text) in summary?.Files ?? new Dictionary<string, string>())
        {
            AtomicFile.WriteAllText(Path.Combine(folder, Path.GetFileName(name)), text);
            files[name] = Path.GetFileName(name);
        }

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
            Images = images,
            Files = files,
        };
        var path = Path.Combine(folder, "metrics.json");
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }
}
