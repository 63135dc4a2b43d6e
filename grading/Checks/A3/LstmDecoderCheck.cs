using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>
/// The framework LSTM decoder: parameters named and shaped as specified; with set weights (float64, evaluation mode) the
/// initial state, one step and the teacher-forced scores equal the reference's; the gradients of every parameter through
/// the teacher-forced pass equal the reference's (nothing detached); dropout acts in training mode only.
/// </summary>
internal sealed class LstmDecoderCheck() : A3Check("a3.lstm_decoder", "LstmDecoder: parameters, one step, teacher forcing, gradients, dropout", 4,
    "Homework.A3.LstmDecoder.Start", "Homework.A3.LstmDecoder.Step", "Homework.A3.LstmDecoder.Forward")
{
    private const string Fields = "_project, _embed, _cell, _dropout, _output";

    public override Observation Probe(ProbeContext context) => Run(context, DecoderProbe.Public);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected, DecoderProbe.Public);

    /// <summary>Probes the decoder at sizes <paramref name="s"/>.</summary>
    internal static Observation Run(ProbeContext context, DecoderProbe.Sizes s)
    {
        var model = new LstmDecoder(s.V, s.F, s.W, s.H);
        var observation = new Observation();
        if (!ModuleProbe.SetWeights(model, DecoderProbe.LstmDecoderParameters(s), context, observation))
        {
            return observation;
        }

        var (features, words) = (context.Randn(s.N, s.F), DecoderProbe.Words(context, s.N, s.T, s.V));
        model.Eval();
        using (Tensor.NoGrad())
        {
            var start = model.Start(features);
            (observation["h0"], observation["c0"]) = start;
            var (scores, (h, c)) = model.Step(words.Select(1, 0), (start.H + context.Randn(s.N, s.H), context.Randn(s.N, s.H)));
            (observation["step_scores"], observation["step_h"], observation["step_c"]) = (scores, h, c);
        }

        var forward = model.Forward(features, words);
        observation["scores"] = forward.Detach();
        ModuleProbe.Gradients(model, context, observation, forward);

        model.Train();
        using (Tensor.NoGrad())
        {
            var state = (context.Randn(s.N, s.H), context.Randn(s.N, s.H));
            var (first, second) = (model.Step(words.Select(1, 1), state).Scores, model.Step(words.Select(1, 1), state).Scores);
            observation.Set("dropout_in_training", !first.AllClose(second, 1e-12) ? 1 : 0);
        }

        return observation;
    }

    /// <summary>Scores a probe made at sizes <paramref name="s"/>.</summary>
    internal static Verdict Score(Observation student, Observation expected, DecoderProbe.Sizes s)
    {
        var card = new Scorecard();
        if (!ModuleProbe.ScoreNames(card, student, DecoderProbe.LstmDecoderParameters(s), Fields))
        {
            card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 3.5);
            return card.Verdict;
        }

        card.Value("h0 (the projected features)", student["h0"], expected["h0"], weight: 0.25)
            .Value("c0 (zeros)", student["c0"], expected["c0"], weight: 0.25)
            .Value("one step's scores", student["step_scores"], expected["step_scores"], weight: 0.5)
            .Value("one step's h", student["step_h"], expected["step_h"], weight: 0.25)
            .Value("one step's c", student["step_c"], expected["step_c"], weight: 0.25)
            .Value("teacher-forced scores (N, T, V)", student["scores"], expected["scores"]);
        ModuleProbe.ScoreGradients(card, student, expected, "the teacher-forced scores");
        card.Property(student["dropout_in_training"].Item() == 1, "Two steps in training mode gave the same scores: dropout before the output layer is missing.", weight: 0.5);
        return card.Verdict;
    }
}
