using System.Text.Json;
using System.Text.Json.Serialization;
using Autograder.Grading.Exporters;

namespace Autograder.Host.Batch;

/// <summary>
/// One submission's line in a batch (<c>students/ID/batch.json</c>), written by the batch host after the grader's files are
/// in place, so its presence means the folder is complete.
/// </summary>
/// <param name="Id">The student's id.</param>
/// <param name="Name">Who submitted it.</param>
/// <param name="Status">How grading ended.</param>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points possible.</param>
/// <param name="Reason">Why it was not graded normally (empty when graded).</param>
/// <param name="Fingerprint">What was graded, and how (<see cref="SubmissionFolder.Fingerprint"/>).</param>
/// <param name="Seconds">How long grading took.</param>
internal sealed record BatchRecord(string Id, string Name, BatchStatus Status, double Score, double MaxScore, string Reason, string Fingerprint, double Seconds)
{
    /// <summary>The file name of a record in a student's result folder.</summary>
    public const string FileName = "batch.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Gets a value indicating whether this is the submission's final result: one that a rerun keeps (a timed-out or failed grading is tried again).</summary>
    [JsonIgnore]
    public bool IsFinal => Status is BatchStatus.Graded or BatchStatus.NotCompiled or BatchStatus.Rejected;

    /// <summary>Gets the score as a percentage of the points possible.</summary>
    [JsonIgnore]
    public double Percent => MaxScore > 0 ? 100 * Score / MaxScore : 0;

    /// <summary>The record in <paramref name="folder"/>, or null when there is none or it cannot be read (the submission is graded again).</summary>
    public static BatchRecord? TryLoad(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize<BatchRecord>(File.ReadAllText(Path.Combine(folder, FileName)), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes the record into <paramref name="folder"/>, atomically.</summary>
    public void Save(string folder) => AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));
}
