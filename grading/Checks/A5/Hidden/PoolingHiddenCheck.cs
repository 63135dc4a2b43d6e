using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Homework.A5;

namespace Autograder.Host.Checks.A5.Hidden;

/// <summary>SequencePooling.Average and LastRealToken on per-student sizes and lengths (hidden); half the points each.</summary>
internal sealed class PoolingHiddenCheck() : A5Check("a5.pooling_hidden", "SequencePooling on unseen sizes and lengths", 1, Visibility.Hidden,
    "Homework.A5.SequencePooling.Average", "Homework.A5.SequencePooling.LastRealToken")
{
    public override Observation Probe(ProbeContext context)
    {
        var sizes = SentenceProbe.Sizes.Draw(context);
        return CheckParts.Probe(
            isolateFailures: true,
            ("average_", () => PoolingProbe.Run(CheckParts.Own(context, 0), sizes, SequencePooling.Average, (v, _) => v.Mean(1))),
            ("last_", () => PoolingProbe.Run(CheckParts.Own(context, 1), sizes, SequencePooling.LastRealToken, (v, _) => v.Select(1, v.Shape[1] - 1))));
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var average = Part(student, expected, "average_", "the averaged vectors", AveragePoolingCheck.Mistake);
        var last = Part(student, expected, "last_", "the last real word's vectors", LastRealTokenCheck.Mistake);
        return new Verdict((average.Fraction + last.Fraction) / 2, $"{average.Message} {last.Message}".Trim());
    }

    /// <summary>A part's verdict: PoolingProbe's own messages name the part already.</summary>
    private static Verdict Part(Observation student, Observation expected, string prefix, string what, string mistake) =>
        !CheckParts.Ran(student, prefix) ? Verdict.Fail($"{what}: not implemented.")
            : CheckParts.Crash(student, prefix) is { } crash ? Verdict.Fail($"{what}: {crash}")
            : PoolingProbe.Score(CheckParts.Slice(student, prefix), CheckParts.Slice(expected, prefix), what, mistake);
}
