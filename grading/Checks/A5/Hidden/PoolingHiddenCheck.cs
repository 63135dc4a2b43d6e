using System.Runtime.ExceptionServices;
using Autograder.Grading.Checks;
using Homework.A5;

namespace Autograder.Host.Checks.A5.Hidden;

/// <summary>SequencePooling.Average and LastRealToken on per-student sizes and lengths (hidden); half the points each.</summary>
internal sealed class PoolingHiddenCheck() : A5Check("a5.pooling_hidden", "SequencePooling on unseen sizes and lengths", 1, Visibility.Hidden,
    "Homework.A5.SequencePooling.Average", "Homework.A5.SequencePooling.LastRealToken")
{
    public override Observation Probe(ProbeContext context)
    {
        var sizes = SentenceProbe.Sizes.Draw(context);
        var observation = new Observation();
        var average = Add(observation, "average_", () => PoolingProbe.Run(context, sizes, SequencePooling.Average, (v, _) => v.Mean(1)));
        var last = Add(observation, "last_", () => PoolingProbe.Run(context, sizes, SequencePooling.LastRealToken, (v, _) => v.Select(1, v.Shape[1] - 1)));

        if (average is not null && last is not null)
        {
            // Neither method started: the check as a whole is not attempted, not failed (the trace still points at the stub).
            ExceptionDispatchInfo.Throw(average);
        }

        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var average = Part(student, expected, "average_", "the averaged vectors", AveragePoolingCheck.Mistake);
        var last = Part(student, expected, "last_", "the last real word's vectors", LastRealTokenCheck.Mistake);
        return new Verdict((average.Fraction + last.Fraction) / 2, $"{average.Message} {last.Message}".Trim());
    }

    /// <summary>Runs one part, recording a part that throws as missing so the other still counts.</summary>
    /// <returns>The part's NotImplementedException, or null when it ran.</returns>
    private static NotImplementedException? Add(Observation observation, string prefix, Func<Observation> part)
    {
        try
        {
            var result = part();
            foreach (var name in result.Names)
            {
                observation[prefix + name] = result[name];
            }

            return null;
        }
        catch (NotImplementedException e)
        {
            return e;
        }
    }

    private static Verdict Part(Observation student, Observation expected, string prefix, string what, string mistake)
    {
        if (!student.Contains(prefix + "pooled"))
        {
            return Verdict.Fail($"{what}: not implemented.");
        }

        Observation Slice(Observation o) => o.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Aggregate(new Observation(), (r, n) =>
        {
            r[n[prefix.Length..]] = o[n];
            return r;
        });
        return PoolingProbe.Score(Slice(student), Slice(expected), what, mistake);
    }
}
