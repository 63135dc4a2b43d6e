using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// Deliverable 2: every head, concatenated in order, projected, added to the input and normalised, on set weights (the
/// residual after the LayerNorm named), with the reference's AttentionHead when the student's fails; and the gradients.
/// </summary>
internal sealed class MultiHeadAttentionCheck() : A6Check("a6.multi_head_attention", "TransformerTranslator.MultiHeadAttention: heads concatenated, projected, residual, LayerNorm", 1.5,
    "Homework.A6.TransformerTranslator.MultiHeadAttention")
{
    protected override IReadOnlyList<Substitution> Substitutes => [AttentionHeadFile];

    public override Observation Probe(ProbeContext context) => TransformerProbe.Sublayer(context, "normMh", (model, x) => model.MultiHeadAttention(x));

    public override Verdict Judge(Observation student, Observation expected) =>
        TransformerProbe.ScoreSublayer(student, expected, "normMh", "LayerNorm(x + projection([head₁(x), …, head_h(x)]))");
}
