using System.Security.Cryptography;
using System.Text;
using Autograder.Grading.Checks;

namespace Autograder.Host.Batch;

/// <summary>How a batch grades each submission.</summary>
/// <param name="Paths">The course repository.</param>
/// <param name="Output">The batch's output folder.</param>
/// <param name="Checks">The checks (and experiments) each submission gets.</param>
/// <param name="Verb">The grading verb run per submission: <c>check</c> (checks only) or <c>grade</c> (checks and experiments).</param>
/// <param name="Arguments">The selection passed on to each grading (<c>--assignment</c>, <c>--only</c>, <c>--quick</c>, <c>--no-sandbox</c>).</param>
/// <param name="Jobs">How many submissions are graded at once.</param>
/// <param name="Force">Grade again submissions whose results are final and current.</param>
/// <param name="Deadline">The longest one submission's grading may take, build included.</param>
internal sealed record BatchSettings(RepositoryPaths Paths, string Output, IReadOnlyList<Check> Checks, string Verb, IReadOnlyList<string> Arguments, int Jobs, bool Force, TimeSpan Deadline)
{
    /// <summary>Gets how to hand the gradings to Slurm as one job array, or null to run them on this machine.</summary>
    public SlurmOptions? Slurm { get; init; }

    /// <summary>A deadline that covers a submission's build and every probe run twice (the student's and the reference's), with room to spare.</summary>
    public static TimeSpan DefaultDeadline(IEnumerable<Check> checks, double timeLimitScale) =>
        TimeSpan.FromMinutes(6) + (2 * Math.Max(0.1, timeLimitScale) * checks.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Info.TimeLimit));

    /// <summary>
    /// What a result depends on besides the submission: the grading verb and selection, and the grader's own build (a rebuilt
    /// grader grades everything again).
    /// </summary>
    public string Key()
    {
        var key = new StringBuilder($"{Verb} {string.Join(' ', Arguments)}\n");
        foreach (var library in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Where(IsGrader).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(library);
            key.Append(Path.GetFileName(library)).Append(' ').AppendLine(Convert.ToHexStringLower(SHA256.HashData(stream)));
        }

        return key.ToString();
    }

    private static bool IsGrader(string path) =>
        Path.GetFileName(path) is var name && (name == "autograder.dll" || name.StartsWith("Autograder.", StringComparison.Ordinal));
}
