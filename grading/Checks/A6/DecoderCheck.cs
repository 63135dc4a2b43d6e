using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// The Seq2Seq decoder without attention, with an RNN and with an LSTM: parameters; with set weights (float64, evaluation
/// mode) one step's log-probabilities and new state from a given state; gradients; dropout in training.
/// </summary>
internal sealed class DecoderCheck() : A6Check("a6.decoder", "Decoder: one step of embedding, RNN or LSTM, linear, log-softmax", 1.5,
    "Homework.A6.Decoder.Forward")
{
    /// <summary>The fields, in order.</summary>
    public const string Fields = "_embedding, _combine (with attention), _recurrent, _linear, _dropout";

    public override Observation Probe(ProbeContext context) => Seq2SeqProbe.PerCell(context, (part, lstm) => Run(part, lstm, Seq2SeqProbe.Public, attention: false));

    public override Verdict Judge(Observation student, Observation expected) =>
        Seq2SeqProbe.ScorePerCell(student, expected, (lstm, a, b) => Score(lstm, a, b, Seq2SeqProbe.Public, attention: false));

    /// <summary>Probes one step of a decoder of the given kind and sizes.</summary>
    public static Observation Run(ProbeContext context, bool lstm, Seq2SeqProbe.Sizes s, bool attention)
    {
        var model = new Decoder(s.E, s.EncoderHidden, s.DecoderHidden, s.TargetVocabulary, 0.5, lstm ? CellKind.Lstm : CellKind.Rnn, attention);
        var observation = new Observation();
        if (!ModuleProbe.SetWeights(model, Seq2SeqProbe.DecoderParameters(s, lstm, attention), context, observation))
        {
            return observation;
        }

        var input = context.Randint(4, s.TargetVocabulary, s.N, 1);
        var state = Seq2SeqProbe.State(context, lstm, s.N, s.DecoderHidden);
        var encoderOutputs = attention ? context.Randn(s.N, s.S, s.EncoderHidden) : null;
        model.Eval();
        var (output, hidden) = model.Forward(input, state, encoderOutputs);
        (observation["output"], observation["h"]) = (output, hidden.H);
        Tensor[] outputs = hidden.C is { } c ? [output, hidden.H, c] : [output, hidden.H];
        if (hidden.C is not null)
        {
            observation["c"] = hidden.C;
        }

        ModuleProbe.Gradients(model, context, observation, outputs);
        model.Train();
        Seq2SeqProbe.Dropout(observation, () => model.Forward(input, state, encoderOutputs).Output);
        return observation;
    }

    /// <summary>Scores a probe of <see cref="Run"/>.</summary>
    public static Verdict Score(bool lstm, Observation student, Observation expected, Seq2SeqProbe.Sizes s, bool attention)
    {
        var card = new Scorecard();
        if (!ModuleProbe.ScoreNames(card, student, Seq2SeqProbe.DecoderParameters(s, lstm, attention), Fields))
        {
            card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 4);
            return card.Verdict;
        }

        Seq2SeqProbe.ScoreLogProbabilities(card, "the step's log-probabilities (N, V)", student["output"], expected["output"]);
        card.Value("the new h (1, N, H)", student["h"], expected["h"]);
        if (lstm)
        {
            card.Property(student.Contains("c"), "The LSTM decoder's new state has no cell state.", weight: 0.5);
            if (student.Contains("c"))
            {
                card.Value("the new c (1, N, H)", student["c"], expected["c"], weight: 0.5);
            }
        }

        ModuleProbe.ScoreGradients(card, student, expected, "the step's outputs and state");
        return Seq2SeqProbe.ScoreDropout(card, student).Verdict;
    }
}
