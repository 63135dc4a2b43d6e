using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A4;

/// <summary>StyleLosses.ContentLoss: w_c Σ (F − P)² and its gradient with respect to F.</summary>
internal sealed class ContentLossCheck() : A4Check("a4.content_loss", "StyleLosses.ContentLoss: the weighted sum of squared feature differences", 1, "Homework.A4.StyleLosses.ContentLoss")
{
    public override Observation Probe(ProbeContext context) => StyleProbe.Content(context, StyleProbe.Sizes.Public);

    public override Verdict Judge(Observation student, Observation expected) => StyleProbe.ScoreContent(student, expected);
}
