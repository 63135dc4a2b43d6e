using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// Cosine-similarity attention: the weights of one step (a softmax over the source positions of the cosine similarity,
/// unchanged when the states are rescaled; a dot product or a softmax over another axis named), and a decoder step with
/// attention, RNN and LSTM, on set weights with its gradients. Half the points for the weights, a quarter per decoder.
/// </summary>
internal sealed class DecoderAttentionCheck() : A6Check("a6.decoder_attention", "Decoder with attention: cosine similarity, softmax over the source, context into the cell", 2,
    "Homework.A6.Decoder.ComputeAttention", "Homework.A6.Decoder.Forward")
{
    public override Observation Probe(ProbeContext context) => Run(context, Seq2SeqProbe.Public);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected, Seq2SeqProbe.Public);

    /// <summary>Probes the attention weights and a decoder step with attention for each cell, on the given sizes (equal hidden sizes).</summary>
    public static Observation Run(ProbeContext context, Seq2SeqProbe.Sizes s) => CheckParts.Probe(
        isolateFailures: true,
        ("attention_", () => Weights(Seq2SeqProbe.Part(context, 0), s)),
        ("rnn_", () => DecoderCheck.Run(Seq2SeqProbe.Part(context, 1), false, s, attention: true)),
        ("lstm_", () => DecoderCheck.Run(Seq2SeqProbe.Part(context, 2), true, s, attention: true)));

    /// <summary>Scores a probe of <see cref="Run"/>.</summary>
    public static Verdict Score(Observation student, Observation expected, Seq2SeqProbe.Sizes s)
    {
        var weights = CheckParts.Score(student, expected, "attention_", "ComputeAttention", ScoreWeights);
        var rnn = CheckParts.Score(student, expected, "rnn_", "A step with an RNN", (a, b) => DecoderCheck.Score(false, a, b, s, attention: true));
        var lstm = CheckParts.Score(student, expected, "lstm_", "A step with an LSTM", (a, b) => DecoderCheck.Score(true, a, b, s, attention: true));
        return new Verdict((weights.Fraction / 2) + (rnn.Fraction / 4) + (lstm.Fraction / 4), string.Join(" ", new[] { weights, rnn, lstm }.Select(v => v.Message).Where(m => m.Length > 0)));
    }

    private static Observation Weights(ProbeContext context, Seq2SeqProbe.Sizes s)
    {
        var observation = new Observation
        {
            ["hidden"] = context.Randn(1, s.N, s.DecoderHidden),
            ["encoder_outputs"] = context.Randn(s.N, s.S, s.EncoderHidden),
        };
        observation["weights"] = Decoder.ComputeAttention(observation["hidden"], observation["encoder_outputs"]);
        observation["weights_rescaled"] = Decoder.ComputeAttention(observation["hidden"] * 3.0, observation["encoder_outputs"] * 0.5);
        return observation;
    }

    private static Verdict ScoreWeights(Observation student, Observation expected)
    {
        var (actual, wanted) = (student["weights"], expected["weights"]);
        var card = new Scorecard();
        if (!actual.Shape.SequenceEqual(wanted.Shape))
        {
            return card.Property(false, $"The weights are ({string.Join(", ", actual.Shape.ToArray())}); they must be (N, 1, S) = ({string.Join(", ", wanted.Shape.ToArray())}), ready for Bmm with the encoder's outputs.", weight: 2).Verdict;
        }

        var query = expected["hidden"].Transpose(0, 1);
        var dots = (query * expected["encoder_outputs"]).Sum(2);
        var cosine = dots / (query.Square().Sum(2).Sqrt() * expected["encoder_outputs"].Square().Sum(2).Sqrt());
        var flat = actual.Squeeze(1);
        if (flat.AllClose(dots.Softmax(1), 1e-6))
        {
            card.Property(false, "The weights are a softmax of dot products: the assignment's attention uses the cosine similarity (the dot product divided by both norms).", weight: 2);
        }
        else if (flat.AllClose(cosine.Softmax(0), 1e-6))
        {
            card.Property(false, "The softmax runs over the batch axis: each sentence's weights must sum to one over its source positions.", weight: 2);
        }
        else if (flat.AllClose(cosine, 1e-6))
        {
            card.Property(false, "The weights are the raw cosine similarities: apply a softmax over the source positions.", weight: 2);
        }
        else
        {
            card.Property(flat.Sum(1).AllClose(Tensor.OnesLike(flat.Select(1, 0)), 1e-9), "The weights of a sentence do not sum to one over its source positions.", weight: 0.5)
                .Value("the attention weights (N, 1, S)", actual, wanted, weight: 1.5);
        }

        card.Property(student["weights_rescaled"].AllClose(actual, 1e-9), "Scaling the hidden state by 3 and the encoder's outputs by 0.5 changed the weights: a cosine similarity does not depend on the vectors' lengths.", weight: 0.5);
        return card.Verdict;
    }
}
