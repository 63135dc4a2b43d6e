using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;

namespace Autograder.Host.Checks.A4.Hidden;

/// <summary>The four style-transfer losses on per-student sizes and weights (hidden); a quarter of the points each, a part that is still a stub counting as missing.</summary>
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
        return CheckParts.Probe(isolateFailures: true, [.. Parts.Select((p, i) => (p.Prefix, (Func<Observation>)(() => p.Probe(CheckParts.Own(context, i), sizes))))]);
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var verdicts = Parts.Select(p => CheckParts.Score(student, expected, p.Prefix, p.What, p.Score)).ToList();
        return new Verdict(verdicts.Average(v => v.Fraction), string.Join(" ", verdicts.Select(v => v.Message).Where(m => m.Length > 0)));
    }
}
