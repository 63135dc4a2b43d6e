using System.Globalization;
using System.Text;
using Autograder.Grading.Checks;
using Autograder.Grading.Exporters;

namespace Autograder.Host.Batch;

/// <summary>
/// Writes <c>grades.csv</c>: one row per submission (id, name, status, score, max_score, percent, reason) and one column per
/// check with its points, for a gradebook or a spreadsheet.
/// </summary>
/// <remarks>
/// RFC 4180 quoting; text that a spreadsheet would take as a formula (starting with <c>= + - @</c>) is prefixed with an
/// apostrophe, since names and reasons come from submissions.
/// </remarks>
internal static class GradesCsv
{
    /// <summary>Writes the file into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory, IReadOnlyList<ClassResult> results, IReadOnlyList<Check> checks)
    {
        var csv = new StringBuilder();
        Row(csv, ["id", "name", "status", "score", "max_score", "percent", "reason", .. checks.Select(c => c.Info.Id)]);
        foreach (var (record, scores) in results)
        {
            Row(csv, [
                Text(record.Id), Text(record.Name), Status(record.Status), Number(record.Score), Number(record.MaxScore), Number(Math.Round(record.Percent, 2)),
                Text(record.Reason.Split('\n')[0]),
                .. checks.Select(c => scores.TryGetValue(c.Info.Id, out var s) ? Number(s.Score) : ""),
            ]);
        }

        var path = Path.Combine(directory, "grades.csv");
        AtomicFile.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>The status as written in the CSV and the summary: graded, not-compiled, rejected, timed-out, grader-failed.</summary>
    public static string Status(BatchStatus status) => status switch
    {
        BatchStatus.Graded => "graded",
        BatchStatus.NotCompiled => "not-compiled",
        BatchStatus.Rejected => "rejected",
        BatchStatus.TimedOut => "timed-out",
        _ => "grader-failed",
    };

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Text(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static void Row(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(c => c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : c));
        csv.Append("\r\n");
    }
}
