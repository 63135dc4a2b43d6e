using System.Text.Json;
using Autograder.Reports.Results;

namespace Autograder.Reports.Tests.Support;

/// <summary>A temporary grading output folder with experiments/ID/metrics.json and results.json in the grader's format, deleted on dispose.</summary>
internal sealed class ResultFolder : IDisposable
{
    public ResultFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "autograder-report-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes metrics.json for one experiment (and its PNGs), as the grader does.</summary>
    public ResultFolder Experiment(
        string id,
        Dictionary<string, double>? metrics = null,
        Dictionary<string, double[]>? series = null,
        Dictionary<string, (string[] Columns, double[][] Rows)>? tables = null,
        Dictionary<string, string>? facts = null,
        Dictionary<string, byte[]>? images = null,
        string outcome = "passed",
        string message = "")
    {
        var folder = System.IO.Path.Combine(Path, "experiments", id);
        Directory.CreateDirectory(folder);
        foreach (var (name, png) in images ?? [])
        {
            File.WriteAllBytes(System.IO.Path.Combine(folder, name + ".png"), png);
        }

        var document = new
        {
            Id = id,
            Title = "Experiment " + id,
            Implementation = "reference",
            Outcome = outcome,
            Score = 1.0,
            MaxScore = 1.0,
            Message = message,
            Seconds = 1.0,
            Metrics = metrics ?? [],
            Series = series ?? [],
            Tables = (tables ?? []).ToDictionary(t => t.Key, t => new { t.Value.Columns, t.Value.Rows }),
            Facts = facts ?? [],
            Images = (images ?? []).ToDictionary(i => i.Key, i => i.Key + ".png"),
        };
        File.WriteAllText(System.IO.Path.Combine(folder, "metrics.json"), JsonSerializer.Serialize(document, ResultSet.Json));
        return this;
    }

    /// <summary>Writes results.json (Gradescope's format) with these checks.</summary>
    public ResultFolder Scores(params (string Id, string Title, double Score, double Max, string Outcome)[] checks)
    {
        var tests = checks.Select(c => new { name = c.Title, number = c.Id, score = c.Score, max_score = c.Max, status = c.Outcome == "passed" ? "passed" : "failed", tags = new[] { c.Id.Split('.')[0], c.Outcome } });
        File.WriteAllText(System.IO.Path.Combine(Path, "results.json"), JsonSerializer.Serialize(new { score = checks.Sum(c => c.Score), tests }));
        return this;
    }

    public ResultSet Load() => ResultSet.Load(Path);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
