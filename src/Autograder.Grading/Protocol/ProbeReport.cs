using System.Text.Json;

namespace Autograder.Grading.Protocol;

/// <summary>The worker's answer for one probe, written as JSON beside the observation's .npz.</summary>
/// <param name="CheckId">The check.</param>
/// <param name="Status">How the probe ended.</param>
/// <param name="Message">The exception's message (first), if any.</param>
/// <param name="Trace">A short stack trace of the student's frames, if any.</param>
/// <param name="Milliseconds">How long the probe ran.</param>
public sealed record ProbeReport(string CheckId, ProbeStatus Status, string Message, string Trace, double Milliseconds)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Writes the report atomically (temporary file, then rename), so the host never reads half a file.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The longest run a report may claim (a day); beyond it the duration is not believed.</summary>
    private const double MaxMilliseconds = 86_400_000;

    /// <summary>The largest report read (messages are capped far below this in the worker).</summary>
    private const long MaxBytes = 16L << 20;

    /// <summary>
    /// Reads the report of <paramref name="checkId"/>. The file is written by the worker, which runs student code, so it is
    /// not trusted: malformed JSON, another check's id, an unknown status or an impossible duration make an errored report,
    /// never an exception in the host.
    /// </summary>
    public static ProbeReport Load(string path, string checkId)
    {
        ProbeReport? report;
        try
        {
            // A link could point the host at any file it can read; a huge file at its memory.
            var file = new FileInfo(path);
            if (file.LinkTarget is not null || file.Length > MaxBytes)
            {
                return Malformed(checkId, file.LinkTarget is not null ? "it is a link, not a file" : $"larger than {MaxBytes >> 20} MB");
            }

            report = JsonSerializer.Deserialize<ProbeReport>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            return Malformed(checkId, $"not valid JSON ({e.Message})");
        }
        catch (IOException e)
        {
            return Malformed(checkId, $"unreadable ({e.Message})");
        }

        if (report is null)
        {
            return Malformed(checkId, "empty");
        }

        if (report.CheckId != checkId)
        {
            return Malformed(checkId, $"it names another check ('{report.CheckId}')");
        }

        if (!Enum.IsDefined(report.Status))
        {
            return Malformed(checkId, $"unknown status {(int)report.Status}");
        }

        var milliseconds = double.IsFinite(report.Milliseconds) ? Math.Clamp(report.Milliseconds, 0, MaxMilliseconds) : 0;
        return report with { Message = report.Message ?? "", Trace = report.Trace ?? "", Milliseconds = milliseconds };
    }

    private static ProbeReport Malformed(string checkId, string why) =>
        new(checkId, ProbeStatus.Errored, $"the worker's report for this check was malformed: {why}.", "", 0);
}
