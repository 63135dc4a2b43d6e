using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// Deliverable 4 and the whole model: the final layer's scores, and Forward's scores for a batch of sentences on set
/// weights (with the reference's AttentionHead when the student's fails), with every parameter's gradient.
/// </summary>
internal sealed class TransformerForwardCheck() : A6Check("a6.transformer_forward", "TransformerTranslator.FinalLayer and Forward: scores over the target vocabulary", 1.5,
    "Homework.A6.TransformerTranslator.Forward", "Homework.A6.TransformerTranslator.FinalLayer")
{
    protected override IReadOnlyList<Substitution> Substitutes => [AttentionHeadFile, .. TransformerParts];

    public override Observation Probe(ProbeContext context) => Run(context, TransformerProbe.Public);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected, TransformerProbe.Public);

    /// <summary>Probes a translator of the given sizes.</summary>
    public static Observation Run(ProbeContext context, TransformerProbe.Sizes s)
    {
        var observation = new Observation();
        if (TransformerProbe.Build(context, s, observation) is not { } model)
        {
            return observation;
        }

        var hidden = context.Randn(s.N, s.T, s.Hidden);
        using (Tensor.NoGrad())
        {
            observation["final_layer"] = model.FinalLayer(hidden);
        }

        var scores = model.Forward(TransformerProbe.Tokens(context, s));
        observation["scores"] = scores;
        ModuleProbe.Gradients(model, context, observation, scores);
        return observation;
    }

    /// <summary>Scores a probe of <see cref="Run"/>.</summary>
    public static Verdict Score(Observation student, Observation expected, TransformerProbe.Sizes s)
    {
        var card = new Scorecard();
        if (!TransformerProbe.ScoreNames(card, student, s))
        {
            return card.Verdict;
        }

        card.Value("FinalLayer's scores (N, T, V)", student["final_layer"], expected["final_layer"], weight: 0.5)
            .Value("Forward's scores (N, T, V)", student["scores"], expected["scores"], weight: 1.5);
        ModuleProbe.ScoreGradients(card, student, expected, "Forward's scores");
        return card.Verdict;
    }
}
