using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Autograder.Grading.Judging;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>
/// Additive attention: parameters as specified; with set weights the keys, the weights (non-negative, one per region,
/// summing to one over the regions) and the context equal the reference's; gradients of every parameter equal the reference's.
/// </summary>
internal sealed class AdditiveAttentionCheck() : A3Check("a3.additive_attention", "AdditiveAttention: keys, weights over regions, context, gradients", 3,
    "Homework.A3.AdditiveAttention.Keys", "Homework.A3.AdditiveAttention.Forward")
{
    private const string Fields = "_regions, _hidden, _score";

    public override Observation Probe(ProbeContext context) => Run(context, DecoderProbe.Public);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected, DecoderProbe.Public);

    /// <summary>Probes the attention layer at sizes <paramref name="s"/>.</summary>
    internal static Observation Run(ProbeContext context, DecoderProbe.Sizes s)
    {
        var attention = new AdditiveAttention(s.F, s.H, s.A);
        var observation = new Observation();
        if (!ModuleProbe.SetWeights(attention, DecoderProbe.AttentionParameters(s), context, observation))
        {
            return observation;
        }

        var (regions, hidden) = (context.Randn(s.N, s.L, s.F), context.Randn(s.N, s.H));
        var keys = attention.Keys(regions);
        var (contextVector, weights) = attention.Forward(regions, keys, hidden);
        (observation["keys"], observation["context"], observation["weights"]) = (keys.Detach(), contextVector.Detach(), weights.Detach());
        ModuleProbe.Gradients(attention, context, observation, contextVector, weights);
        return observation;
    }

    /// <summary>Scores a probe made at sizes <paramref name="s"/>.</summary>
    internal static Verdict Score(Observation student, Observation expected, DecoderProbe.Sizes s)
    {
        var card = new Scorecard();
        if (!ModuleProbe.ScoreNames(card, student, DecoderProbe.AttentionParameters(s), Fields))
        {
            card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 2.5);
            return card.Verdict;
        }

        card.Value("keys (N, L, A)", student["keys"], expected["keys"], weight: 0.5);
        AttentionWeights.Score(card, student["weights"], expected["weights"], "weights");
        card.Value("context (N, F)", student["context"], expected["context"], weight: 0.5);
        ModuleProbe.ScoreGradients(card, student, expected, "the context and the weights");
        return card.Verdict;
    }
}
