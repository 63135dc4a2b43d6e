using Autograder.Grading.Building;
using Autograder.Grading.Checks;
using Autograder.Grading.Protocol;

namespace Autograder.Grading;

/// <summary>Decides which composite checks to grade again with the reference's versions of the faulty parts they build on.</summary>
/// <remarks>
/// A composite (say, the two-layer net's loss) is regraded when it did not pass and another check, on a part it may take from
/// the reference (say, <c>FcBackward</c> in <c>A1/Layers.cs</c>), did not pass either. A composite that is only "not attempted"
/// is regraded only when the NotImplementedException came from such a part: an untouched model stays not attempted
/// without a build. Hybrid builds are shared between checks that substitute the same files.
/// </remarks>
internal sealed class FaultIsolation(
    IReadOnlyList<Check> checks,
    IReadOnlyList<CheckResult> results,
    IReadOnlyDictionary<string, (ProbeReport Report, Observation? Observation)> probes,
    Func<IReadOnlyList<Substitution>, HomeworkBuild> buildHybrid)
{
    private readonly Dictionary<string, HomeworkBuild> _builds = [];

    /// <summary>The composites to regrade: their index, the parts to take from the reference, and why (for the message).</summary>
    public IEnumerable<(int Index, IReadOnlyList<Substitution> Substitutes, string Reason)> Candidates()
    {
        for (var i = 0; i < checks.Count; i++)
        {
            var info = checks[i].Info;
            if (info.Substitutes.Count == 0 || results[i].Outcome == Outcome.Passed)
            {
                continue;
            }

            // Only other checks' failures count: an experiment that runs the very parts it may take from the reference (A6's
            // Seq2Seq runs the student's Encoder and Decoder) would otherwise count its own failure against them, and be graded
            // again on the reference's parts — twice the time, and the points for code the student did not write.
            var faulty = info.Substitutes
                .Select(s => (Part: s, Failed: results.Where((r, j) => j != i && r.Outcome != Outcome.Passed && r.Info.Targets.Any(s.Covers)).Select(r => r.Info.Id).ToList()))
                .Where(p => p.Failed.Count > 0)
                .ToList();
            if (faulty.Count == 0)
            {
                continue;
            }

            if (results[i].Outcome == Outcome.NotAttempted && !faulty.Any(p => ThrownIn(probes[info.Id].Report.Trace, p.Part)))
            {
                continue;
            }

            yield return (i, [.. faulty.Select(p => p.Part)], $"{string.Join(", ", faulty.SelectMany(p => p.Failed).Distinct())} did not pass");
        }
    }

    /// <summary>The student's sources built with <paramref name="substitutes"/> taken from the reference (built once per set of files).</summary>
    public HomeworkBuild Build(IReadOnlyList<Substitution> substitutes)
    {
        var key = string.Join("|", substitutes.Select(s => s.Member is null ? s.File : $"{s.File}#{s.Member}").Order(StringComparer.Ordinal));
        if (!_builds.TryGetValue(key, out var build))
        {
            build = buildHybrid(substitutes);
            _builds[key] = build;
        }

        return build;
    }

    /// <summary>Whether the innermost homework frame of a trace is in the part's type.</summary>
    private static bool ThrownIn(string trace, Substitution part)
    {
        var first = trace.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at Homework.", StringComparison.Ordinal));
        return first is not null && part.Covers(first[3..]);
    }
}
