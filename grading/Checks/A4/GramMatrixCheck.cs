using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A4;

/// <summary>StyleLosses.GramMatrix: F Fᵀ per image, normalised by C·H·W when asked, and its gradient.</summary>
internal sealed class GramMatrixCheck() : A4Check("a4.gram_matrix", "StyleLosses.GramMatrix: channel correlations F Fᵀ, normalised by C·H·W", 1.5, "Homework.A4.StyleLosses.GramMatrix")
{
    public override Observation Probe(ProbeContext context) => StyleProbe.Gram(context, StyleProbe.Sizes.Public);

    public override Verdict Judge(Observation student, Observation expected) => StyleProbe.ScoreGram(student, expected);
}
