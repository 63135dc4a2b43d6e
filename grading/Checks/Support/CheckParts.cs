using System.Runtime.ExceptionServices;
using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;

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
    public static Observation Probe(params (string Prefix, Func<Observation> Run)[] parts) => Probe(false, parts);

    /// <summary>
    /// Like <see cref="Probe(ValueTuple{string, Func{Observation}}[])"/>; with <paramref name="isolateFailures"/>, a part that
    /// throws anything else is recorded as that part's failure (its exception and the line of the student's code that threw)
    /// and the other parts are still graded, so one crashing method does not cost the points of the others.
    /// </summary>
    public static Observation Probe(bool isolateFailures, params (string Prefix, Func<Observation> Run)[] parts)
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
            catch (Exception e) when (isolateFailures && e is not OutOfMemoryException)
            {
                observation[prefix + Crashed] = Text(Describe(e));
            }
        }

        if (first is not null && missing == parts.Length)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        return observation;
    }

    /// <summary>The name under which a part that threw leaves its exception (see <see cref="Probe(bool, ValueTuple{string, Func{Observation}}[])"/>).</summary>
    private const string Crashed = "__exception";

    /// <summary>Part <paramref name="part"/>'s own random stream: a part that throws half-way then cannot shift the inputs of the parts after it.</summary>
    public static ProbeContext Own(ProbeContext context, int part) => new((context.Seed * 7919) + part + 1, context.Settings);

    /// <summary>Whether the part under <paramref name="prefix"/> ran (left something).</summary>
    public static bool Ran(Observation observation, string prefix) => observation.Names.Any(n => n.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The part under <paramref name="prefix"/>, its names without the prefix.</summary>
    public static Observation Slice(Observation observation, string prefix) =>
        observation.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Aggregate(new Observation(), (slice, name) =>
        {
            slice[name[prefix.Length..]] = observation[name];
            return slice;
        });

    /// <summary>The exception the part under <paramref name="prefix"/> threw, described with the student's line; null when it did not throw.</summary>
    public static string? Crash(Observation student, string prefix) => student.Contains(prefix + Crashed) ? FromText(student[prefix + Crashed]) : null;

    /// <summary>Scores a part that ran with <paramref name="score"/>, its message prefixed with <paramref name="what"/>; a part that did not, as not implemented.</summary>
    public static Verdict Score(Observation student, Observation expected, string prefix, string what, Func<Observation, Observation, Verdict> score)
    {
        if (!Ran(student, prefix))
        {
            return Verdict.Fail($"{what}: not implemented.");
        }

        if (Crash(student, prefix) is { } crash)
        {
            return Verdict.Fail($"{what}: {crash}");
        }

        var verdict = score(Slice(student, prefix), Slice(expected, prefix));
        return verdict.Message.Length > 0 ? verdict with { Message = $"{what}: {verdict.Message}" } : verdict;
    }

    /// <summary>Scores every part with <paramref name="score"/>, an equal share each; a failure points at the first failing part's member.</summary>
    public static Verdict ScoreEqually(Observation student, Observation expected, IReadOnlyList<(string Prefix, string What, string Member)> parts, Func<Observation, Observation, Verdict> score) =>
        ScoreEqually(student, expected, [.. parts.Select(p => (p.Prefix, p.What, p.Member, score))]);

    /// <summary>Scores every part with its own scoring function, an equal share each; a failure points at the first failing part's member.</summary>
    public static Verdict ScoreEqually(Observation student, Observation expected, IReadOnlyList<(string Prefix, string What, string Member, Func<Observation, Observation, Verdict> Score)> parts)
    {
        var verdicts = parts.Select(p => Score(student, expected, p.Prefix, p.What, p.Score)).ToList();
        var failed = parts.Zip(verdicts).FirstOrDefault(p => p.Second.Fraction < 1);
        return new Verdict(verdicts.Average(v => v.Fraction), string.Join(" ", verdicts.Select(v => v.Message).Where(m => m.Length > 0))) { Blame = failed.Second?.Blame ?? failed.First.Member };
    }

    /// <summary>Every tensor of a part against the reference's: names starting with d as gradients, the others (outputs, weights, losses) as values.</summary>
    public static Verdict ValuesAndGradients(Observation student, Observation expected)
    {
        var card = new Scorecard();
        foreach (var name in expected.Names)
        {
            card = name.StartsWith('d') ? card.Gradient(name, student[name], expected[name]) : card.Value(name, student[name], expected[name]);
        }

        return card.Verdict;
    }

    /// <summary>The exception's type and message, and the student's line that threw: what the student needs, in 400 characters.</summary>
    private static string Describe(Exception e)
    {
        var frame = (e.StackTrace ?? "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at Homework.", StringComparison.Ordinal));
        var text = $"{e.GetType().Name}: {e.Message}" + (frame is null ? "" : $" ({frame})");
        return text.Length <= 400 ? text : text[..397] + "...";
    }

    /// <summary>Text as a tensor of character codes: observations hold tensors only.</summary>
    private static Tensor Text(string text) => Tensor.FromArray([.. text.Select(c => (double)c)], text.Length);

    private static string FromText(Tensor codes) => new([.. codes.ToArray<double>().Select(c => (char)c)]);
}
