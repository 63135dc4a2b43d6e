using System.Runtime.ExceptionServices;
using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A4.Hidden;

/// <summary>The four style-transfer losses on per-student sizes and weights (hidden); a quarter of the points each, a part that throws counting as missing.</summary>
internal sealed class StyleLossesHiddenCheck() : A4Check("a4.style_losses_hidden", "The style-transfer losses on unseen sizes and weights", 2, Visibility.Hidden,
    "Homework.A4.StyleLosses.ContentLoss", "Homework.A4.StyleLosses.GramMatrix", "Homework.A4.StyleLosses.StyleLoss", "Homework.A4.StyleLosses.TvLoss")
{
    private static readonly (string Prefix, string What, Func<ProbeContext, StyleProbe.Sizes, Observation> Probe, Func<Observation, Observation, Verdict> Score)[] Parts =
    [
        ("content_", "ContentLoss", StyleProbe.Content, StyleProbe.ScoreContent),
        ("gram_", "GramMatrix", StyleProbe.Gram, StyleProbe.ScoreGram),
        ("style_", "StyleLoss", StyleProbe.Style, StyleProbe.ScoreStyle),
        ("tv_", "TvLoss", StyleProbe.Tv, StyleProbe.ScoreTv),
    ];

    public override Observation Probe(ProbeContext context)
    {
        var sizes = StyleProbe.Sizes.Draw(context);
        var observation = new Observation();
        var missing = new List<NotImplementedException>();
        foreach (var (prefix, _, probe, _) in Parts)
        {
            try
            {
                var part = probe(context, sizes);
                foreach (var name in part.Names)
                {
                    observation[prefix + name] = part[name];
                }
            }
            catch (NotImplementedException e)
            {
                missing.Add(e);
            }
        }

        if (missing.Count == Parts.Length)
        {
            // Nothing started: the check as a whole is not attempted, not failed.
            ExceptionDispatchInfo.Throw(missing[0]);
        }

        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var verdicts = Parts.Select(p => student.Names.Any(n => n.StartsWith(p.Prefix, StringComparison.Ordinal))
            ? p.Score(Slice(student, p.Prefix), Slice(expected, p.Prefix)) is var v && v.Message.Length > 0 ? v with { Message = $"{p.What}: {v.Message}" } : v
            : Verdict.Fail($"{p.What}: not implemented.")).ToList();
        return new Verdict(verdicts.Average(v => v.Fraction), string.Join(" ", verdicts.Select(v => v.Message).Where(m => m.Length > 0)));
    }

    private static Observation Slice(Observation observation, string prefix) =>
        observation.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Aggregate(new Observation(), (slice, name) =>
        {
            slice[name[prefix.Length..]] = observation[name];
            return slice;
        });
}
