using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>
/// The attention decoder, with the reference's <see cref="AdditiveAttention"/> substituted when the student's fails its
/// own check: parameters as specified; with set weights (float64, evaluation mode) the initial state, one decoding step
/// (scores, h, c, attention weights summing to one) and the teacher-forced scores and weights equal the reference's; the
/// gradients of every parameter equal the reference's; dropout acts in training mode only.
/// </summary>
internal sealed class AttentionDecoderCheck() : A3Check("a3.attention_decoder", "AttentionDecoder: parameters, one attended step, teacher forcing, gradients", 4,
    "Homework.A3.AttentionDecoder.Start", "Homework.A3.AttentionDecoder.Step", "Homework.A3.AttentionDecoder.Forward")
{
    internal const string Fields = "_project, _embed, _attention, _cell, _dropout, _output";

    protected override IReadOnlyList<Substitution> Substitutes => [AdditiveAttentionFile];

    public override Observation Probe(ProbeContext context) => Run(context, DecoderProbe.Public);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected, DecoderProbe.Public);

    /// <summary>Probes the decoder at sizes <paramref name="s"/>.</summary>
    internal static Observation Run(ProbeContext context, DecoderProbe.Sizes s)
    {
        var model = new AttentionDecoder(s.V, s.F, s.W, s.H, s.A);
        var observation = new Observation();
        observation["sizes"] = Tensor.FromArray(new double[] { s.N, s.T, s.L, s.V, s.F, s.W, s.H, s.A }, 8);
        if (!ModuleProbe.SetWeights(model, DecoderProbe.AttentionDecoderParameters(s), context, observation))
        {
            return observation;
        }

        var (regions, words) = (context.Randn(s.N, s.L, s.F), DecoderProbe.Words(context, s.N, s.T, s.V));
        model.Eval();
        using (Tensor.NoGrad())
        {
            var start = model.Start(regions);
            (observation["h0"], observation["c0"]) = start;
            var step = model.Step(words.Select(1, 0), (start.H + context.Randn(s.N, s.H), context.Randn(s.N, s.H)), regions, model.Keys(regions));
            (observation["step_scores"], observation["step_h"], observation["step_c"], observation["step_weights"]) = (step.Scores, step.H, step.C, step.Weights);
        }

        var (scores, weights) = model.Forward(regions, words);
        (observation["scores"], observation["weights"]) = (scores.Detach(), weights.Detach());
        ModuleProbe.Gradients(model, context, observation, scores);

        model.Train();
        using (Tensor.NoGrad())
        {
            var (state, keys) = ((context.Randn(s.N, s.H), context.Randn(s.N, s.H)), model.Keys(regions));
            var (first, second) = (model.Step(words.Select(1, 1), state, regions, keys).Scores, model.Step(words.Select(1, 1), state, regions, keys).Scores);
            observation.Set("dropout_in_training", !first.AllClose(second, 1e-12) ? 1 : 0);
        }

        return observation;
    }

    /// <summary>Scores a probe made at sizes <paramref name="s"/>.</summary>
    internal static Verdict Score(Observation student, Observation expected, DecoderProbe.Sizes s)
    {
        var card = new Scorecard();
        if (!ModuleProbe.ScoreNames(card, student, DecoderProbe.AttentionDecoderParameters(s), Fields))
        {
            card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 3.5);
            return card.Verdict;
        }

        card.Value("h0 (the regions' mean, projected)", student["h0"], expected["h0"], weight: 0.25)
            .Value("c0 (zeros)", student["c0"], expected["c0"], weight: 0.25)
            .Value("one step's scores", student["step_scores"], expected["step_scores"], weight: 0.5)
            .Value("one step's h and c", Tensor.Cat([student["step_h"], student["step_c"]], 1), Tensor.Cat([expected["step_h"], expected["step_c"]], 1), weight: 0.25);
        AttentionWeights.Score(card, student["step_weights"], expected["step_weights"], "weights of one step");
        card.Value("teacher-forced scores (N, T, V)", student["scores"], expected["scores"], weight: 0.5)
            .Value("teacher-forced attention weights (N, T, L)", student["weights"], expected["weights"], weight: 0.5);
        ModuleProbe.ScoreGradients(card, student, expected, "the teacher-forced scores");
        card.Property(student["dropout_in_training"].Item() == 1, "Two steps in training mode gave the same scores: dropout before the output layer is missing.", weight: 0.5);
        return card.Verdict;
    }
}
