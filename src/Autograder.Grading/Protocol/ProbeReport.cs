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

    /// <summary>Reads a report.</summary>
    public static ProbeReport Load(string path) =>
        JsonSerializer.Deserialize<ProbeReport>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"Empty probe report '{path}'.");
}
