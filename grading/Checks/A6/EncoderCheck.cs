using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// The Seq2Seq encoder with an RNN (encoder wider than decoder) and with an LSTM: parameters; with set weights (float64,
/// evaluation mode) the outputs, the mapped hidden state and the LSTM's unchanged cell state; gradients; dropout in training.
/// </summary>
internal sealed class EncoderCheck() : A6Check("a6.encoder", "Encoder: embedding, dropout, RNN or LSTM, final state through Linear-ReLU-Linear-tanh", 1.5,
    "Homework.A6.Encoder.Forward")
{
    private const string Fields = "_embedding, _recurrent, _linear1, _linear2, _dropout";

    public override Observation Probe(ProbeContext context) => Seq2SeqProbe.PerCell(context, Run);

    public override Verdict Judge(Observation student, Observation expected) => Seq2SeqProbe.ScorePerCell(student, expected, Score);

    private static Seq2SeqProbe.Sizes SizesFor(bool lstm) => lstm ? Seq2SeqProbe.Public : Seq2SeqProbe.PublicUnequal;

    private static Observation Run(ProbeContext context, bool lstm)
    {
        var s = SizesFor(lstm);
        var model = new Encoder(s.SourceVocabulary, s.E, s.EncoderHidden, s.DecoderHidden, 0.5, lstm ? CellKind.Lstm : CellKind.Rnn);
        var observation = new Observation();
        if (!ModuleProbe.SetWeights(model, Seq2SeqProbe.EncoderParameters(s, lstm), context, observation))
        {
            return observation;
        }

        var source = Seq2SeqProbe.Sources(context, s);
        model.Eval();
        var (outputs, hidden) = model.Forward(source);
        (observation["outputs"], observation["h"]) = (outputs, hidden.H);
        observation.Set("has_c", hidden.C is null ? 0 : 1);
        if (hidden.C is { } c)
        {
            observation["c"] = c;
        }

        ModuleProbe.Gradients(model, context, observation, hidden.C is null ? [outputs, hidden.H] : [outputs, hidden.H, hidden.C]);
        model.Train();
        Seq2SeqProbe.Dropout(observation, () => model.Forward(source).Outputs);
        return observation;
    }

    private static Verdict Score(bool lstm, Observation student, Observation expected)
    {
        var card = new Scorecard();
        if (!ModuleProbe.ScoreNames(card, student, Seq2SeqProbe.EncoderParameters(SizesFor(lstm), lstm), Fields))
        {
            card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 4);
            return card.Verdict;
        }

        card.Value("the outputs (N, S, encoder hidden)", student["outputs"], expected["outputs"])
            .Value("the decoder's initial h, tanh(linear2(relu(linear1(h_S))))", student["h"], expected["h"]);
        if (lstm)
        {
            card.Property(student["has_c"].Item() == 1, "The LSTM encoder's state has no cell state: pass the LSTM's final c on.", weight: 0.5);
            if (student.Contains("c"))
            {
                card.Value("c (the LSTM's final cell state, passed on unchanged)", student["c"], expected["c"], weight: 0.5);
            }
        }
        else
        {
            card.Property(student["has_c"].Item() == 0, "An RNN has no cell state: the state's C must be null.", weight: 0.25);
        }

        ModuleProbe.ScoreGradients(card, student, expected, "the outputs and state");
        return Seq2SeqProbe.ScoreDropout(card, student).Verdict;
    }
}
