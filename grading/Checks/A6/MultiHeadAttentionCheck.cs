using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// Deliverable 2: every head, concatenated in order, projected, added to the input and normalised, on set weights (the
/// residual after the LayerNorm named), with the reference's AttentionHead when the student's fails; and the gradients.
/// </summary>
internal sealed class MultiHeadAttentionCheck() : A6Check("a6.multi_head_attention", "TransformerTranslator.MultiHeadAttention: heads concatenated, projected, residual, LayerNorm", 1.5,
    "Homework.A6.TransformerTranslator.MultiHeadAttention")
{
    private const string Formula = "LayerNorm(x + projection([head₁(x), …, head_h(x)]))";

    protected override IReadOnlyList<Substitution> Substitutes => [AttentionHeadFile];

    public override Observation Probe(ProbeContext context)
    {
        var s = TransformerProbe.Public;
        var observation = new Observation();
        if (TransformerProbe.Build(context, s, observation) is not { } model)
        {
            return observation;
        }

        TransformerProbe.Record(observation, model, "normMh.weight");
        TransformerProbe.Record(observation, model, "normMh.bias");
        var output = model.MultiHeadAttention(context.Randn(s.N, s.T, s.Hidden));
        observation["the output"] = output;
        ModuleProbe.Gradients(model, context, observation, output);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard();
        if (!TransformerProbe.ScoreNames(card, student, TransformerProbe.Public))
        {
            return card.Verdict;
        }

        TransformerProbe.ScoreNormalised(card, student, expected, "the output", "normMh", Formula);
        ModuleProbe.ScoreGradients(card, student, expected, "the output");
        return card.Verdict;
    }
}
