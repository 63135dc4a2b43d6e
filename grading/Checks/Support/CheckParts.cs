using System.Runtime.ExceptionServices;
using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.Support;

/// <summary>
/// A check made of independent parts (a hidden check over several methods): each part's observations are stored under its
/// prefix, and a part whose method is still a stub counts as missing while the others are graded.
/// </summary>
internal static class CheckParts
{
    /// <summary>
    /// Runs every part, storing its observations under its prefix. A part that throws NotImplementedException (an untouched
    /// stub) is left out; when every part is, the first one's exception is rethrown, so the whole check reads "not attempted"
    /// rather than "failed" (and its trace still points at the stub).
    /// </summary>
    public static Observation Probe(params (string Prefix, Func<Observation> Run)[] parts)
    {
        var observation = new Observation();
        NotImplementedException? first = null;
        var missing = 0;
        foreach (var (prefix, run) in parts)
        {
            try
            {
                var part = run();
                foreach (var name in part.Names)
                {
                    observation[prefix + name] = part[name];
                }
            }
            catch (NotImplementedException e)
            {
                first ??= e;
                missing++;
            }
        }

        if (first is not null && missing == parts.Length)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        return observation;
    }

    /// <summary>Whether the part under <paramref name="prefix"/> ran (left something).</summary>
    public static bool Ran(Observation observation, string prefix) => observation.Names.Any(n => n.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The part under <paramref name="prefix"/>, its names without the prefix.</summary>
    public static Observation Slice(Observation observation, string prefix) =>
        observation.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Aggregate(new Observation(), (slice, name) =>
        {
            slice[name[prefix.Length..]] = observation[name];
            return slice;
        });

    /// <summary>Scores a part that ran with <paramref name="score"/>, its message prefixed with <paramref name="what"/>; a part that did not, as not implemented.</summary>
    public static Verdict Score(Observation student, Observation expected, string prefix, string what, Func<Observation, Observation, Verdict> score)
    {
        if (!Ran(student, prefix))
        {
            return Verdict.Fail($"{what}: not implemented.");
        }

        var verdict = score(Slice(student, prefix), Slice(expected, prefix));
        return verdict.Message.Length > 0 ? verdict with { Message = $"{what}: {verdict.Message}" } : verdict;
    }
}
