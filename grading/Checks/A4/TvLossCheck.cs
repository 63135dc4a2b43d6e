using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A4;

/// <summary>StyleLosses.TvLoss on a non-square image: squared differences of vertical and horizontal neighbours, and the gradient.</summary>
internal sealed class TvLossCheck() : A4Check("a4.tv_loss", "StyleLosses.TvLoss: squared differences between neighbouring pixels", 1, "Homework.A4.StyleLosses.TvLoss")
{
    public override Observation Probe(ProbeContext context) => StyleProbe.Tv(context, StyleProbe.Sizes.Public);

    public override Verdict Judge(Observation student, Observation expected) => StyleProbe.ScoreTv(student, expected);
}
