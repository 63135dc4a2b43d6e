using System.Text.RegularExpressions;

namespace Autograder.Host.Batch;

/// <summary>A diagnosis shared by several students: one check failed with the same message, numbers aside.</summary>
/// <param name="CheckId">The check.</param>
/// <param name="Diagnosis">The message, its numbers shown as <c>#</c> (each student's inputs differ).</param>
/// <param name="Students">The students whose submission got it.</param>
internal sealed record BugGroup(string CheckId, string Diagnosis, IReadOnlyList<string> Students);

/// <summary>
/// Groups a class's failed checks by diagnosis ("a1.fc_backward: dW equals the transpose of the expected value…: 23 students"),
/// so course staff see the common mistakes at a glance.
/// </summary>
/// <remarks>
/// Messages name values measured on each student's own (per-student seeded) inputs, so numbers, indices and shapes differ
/// between students with the same bug: they are masked before messages are compared. Untouched stubs and submissions that
/// did not compile are not bugs of a check and are left out.
/// </remarks>
internal static partial class BugGroups
{
    /// <summary>The groups, most students first, then in check order.</summary>
    public static IReadOnlyList<BugGroup> Find(IReadOnlyList<ClassResult> results, IReadOnlyList<string> checkOrder)
    {
        var order = checkOrder.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return [.. results
            .Where(r => r.Record.Status == BatchStatus.Graded)
            .SelectMany(r => r.Checks.Values.Where(IsBug).Select(c => (Student: r.Record.Id, c.Id, Diagnosis: Mask(c.Message))))
            .GroupBy(x => (x.Id, x.Diagnosis))
            .Select(g => new BugGroup(g.Key.Id, g.Key.Diagnosis, [.. g.Select(x => x.Student).Distinct().Order(StringComparer.Ordinal)]))
            .OrderByDescending(g => g.Students.Count)
            .ThenBy(g => order.GetValueOrDefault(g.CheckId, int.MaxValue))
            .ThenBy(g => g.Diagnosis, StringComparer.Ordinal)];
    }

    /// <summary>The message with numbers as <c>#</c>, its lines joined, and cut to one screen line or two.</summary>
    public static string Mask(string message)
    {
        var firstPart = message.Split("\n   at ", 2)[0];
        var masked = Spaces().Replace(Number().Replace(firstPart, "#"), " ").Trim();
        return masked.Length > 240 ? masked[..240] + " …" : masked;
    }

    private static bool IsBug(StudentCheck check) => check.Score < check.MaxScore && check.Outcome is "failed" or "errored" or "timed-out" && check.Message.Length > 0;

    [GeneratedRegex(@"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
