using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// One attention head: with set weights (float64) the weights softmax(Q Kᵀ / √d_k) (a missing or wrong scale and a softmax
/// over the queries' axis named), the output, and the gradients.
/// </summary>
internal sealed class AttentionHeadCheck() : A6Check("a6.attention_head", "AttentionHead: softmax(QKᵀ/√d_k) over the keys, times V, gradients", 1.5,
    "Homework.A6.AttentionHead.Weights", "Homework.A6.AttentionHead.Forward")
{
    public override Observation Probe(ProbeContext context) => Run(context, TransformerProbe.Public);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected, TransformerProbe.Public);

    /// <summary>Probes a head of the given sizes.</summary>
    public static Observation Run(ProbeContext context, TransformerProbe.Sizes s)
    {
        var head = new AttentionHead(s.Hidden, s.KeySize, s.ValueSize);
        var observation = new Observation();
        if (!ModuleProbe.SetWeights(head, TransformerProbe.HeadParameters(s), context, observation))
        {
            return observation;
        }

        var inputs = context.Randn(s.N, s.T, s.Hidden);
        using (Tensor.NoGrad())
        {
            observation["raw_scores"] = head.Query.Call(inputs).MatMul(head.Key.Call(inputs).Transpose(1, 2));
            observation["weights"] = head.Weights(inputs);
        }

        var output = head.Call(inputs);
        observation["output"] = output;
        ModuleProbe.Gradients(head, context, observation, output);
        return observation;
    }

    /// <summary>Scores a probe of <see cref="Run"/>.</summary>
    public static Verdict Score(Observation student, Observation expected, TransformerProbe.Sizes s)
    {
        var card = new Scorecard();
        if (!ModuleProbe.ScoreNames(card, student, TransformerProbe.HeadParameters(s), "Query, Key, Value (given)"))
        {
            card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 3);
            return card.Verdict;
        }

        var (actual, wanted, raw) = (student["weights"], expected["weights"], expected["raw_scores"]);
        if (!actual.Shape.SequenceEqual(wanted.Shape))
        {
            card.Value("the weights (N, T, T)", actual, wanted, weight: 1.5);
        }
        else if (actual.AllClose(raw.Softmax(2), 1e-9) && s.KeySize > 1 && s.T > 1)
        {
            card.Property(false, "The weights are softmax(Q Kᵀ) without the scale: divide the scores by √d_k before the softmax.", weight: 1.5);
        }
        else if (actual.AllClose((raw / s.KeySize).Softmax(2), 1e-9) && s.KeySize > 1 && s.T > 1)
        {
            card.Property(false, "The scores are divided by d_k: the scale is √d_k.", weight: 1.5);
        }
        else if (actual.AllClose((raw / Math.Sqrt(s.KeySize)).Softmax(1), 1e-9) && s.T > 1)
        {
            card.Property(false, "The softmax runs over the queries' axis (dimension 1): each query's row must sum to one over the keys (dimension 2).", weight: 1.5);
        }
        else
        {
            card.Value("the weights softmax(Q Kᵀ / √d_k) (N, T, T)", actual, wanted, weight: 1.5);
        }

        card.Value("the output (N, T, d_v)", student["output"], expected["output"]);
        ModuleProbe.ScoreGradients(card, student, expected, "the head's output");
        return card.Verdict;
    }
}
