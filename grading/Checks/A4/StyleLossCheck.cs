using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A4;

/// <summary>
/// StyleLosses.StyleLoss over three of four layers: the weighted Gram differences and the gradient at every layer (zero at the
/// one not used); graded with the reference's GramMatrix when the student's fails its own check.
/// </summary>
internal sealed class StyleLossCheck() : A4Check("a4.style_loss", "StyleLosses.StyleLoss: weighted Gram-matrix differences over the style layers", 1.5, "Homework.A4.StyleLosses.StyleLoss")
{
    protected override IReadOnlyList<Substitution> Substitutes => [GramMatrixMethod];

    public override Observation Probe(ProbeContext context) => StyleProbe.Style(context, StyleProbe.Sizes.Public);

    public override Verdict Judge(Observation student, Observation expected) => StyleProbe.ScoreStyle(student, expected);
}
