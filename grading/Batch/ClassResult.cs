namespace Autograder.Host.Batch;

/// <summary>One student's batch record with their checks' results, as the class outputs read them.</summary>
/// <param name="Record">The batch record.</param>
/// <param name="Checks">The checks' results, by check id.</param>
internal sealed record ClassResult(BatchRecord Record, IReadOnlyDictionary<string, StudentCheck> Checks)
{
    /// <summary>Reads the class's results from the students' folders under <paramref name="output"/>.</summary>
    public static IReadOnlyList<ClassResult> Load(string output, IEnumerable<BatchRecord> records) =>
        [.. records.Select(r => new ClassResult(r, StudentCheck.Load(Path.Combine(output, "students", r.Id)).GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First())))];
}
