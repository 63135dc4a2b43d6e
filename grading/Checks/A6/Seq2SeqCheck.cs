using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// The whole translator, an RNN without attention (encoder wider than decoder) and an LSTM with attention, built from the
/// reference's encoder and decoder when the student's fail: with set weights (float64, evaluation mode) the log-probabilities
/// of L greedy steps from &lt;sos&gt;, each fed the previous step's most likely word, and the gradients.
/// </summary>
internal sealed class Seq2SeqCheck() : A6Check("a6.seq2seq", "Seq2Seq: encode, then decode greedily from <sos>, feeding back the predictions", 1.5,
    "Homework.A6.Seq2Seq.Forward")
{
    protected override IReadOnlyList<Substitution> Substitutes => [EncoderFile, DecoderFile];

    public override Observation Probe(ProbeContext context) => Run(context, Seq2SeqProbe.PublicUnequal, Seq2SeqProbe.Public);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected, Seq2SeqProbe.PublicUnequal, Seq2SeqProbe.Public);

    /// <summary>Probes an RNN translator without attention on <paramref name="plain"/> and an LSTM with attention on <paramref name="attending"/> (equal hidden sizes).</summary>
    public static Observation Run(ProbeContext context, Seq2SeqProbe.Sizes plain, Seq2SeqProbe.Sizes attending) => CheckParts.Probe(
        isolateFailures: true,
        ("rnn_", () => Translate(Seq2SeqProbe.Part(context, 0), plain, false, attention: false)),
        ("lstm_attention_", () => Translate(Seq2SeqProbe.Part(context, 1), attending, true, attention: true)));

    /// <summary>Scores a probe of <see cref="Run"/>, half the points each.</summary>
    public static Verdict Score(Observation student, Observation expected, Seq2SeqProbe.Sizes plain, Seq2SeqProbe.Sizes attending)
    {
        var rnn = CheckParts.Score(student, expected, "rnn_", "RNN without attention", (a, b) => ScoreTranslation(a, b, plain, false, attention: false));
        var lstm = CheckParts.Score(student, expected, "lstm_attention_", "LSTM with attention", (a, b) => ScoreTranslation(a, b, attending, true, attention: true));
        return new Verdict((rnn.Fraction + lstm.Fraction) / 2, $"{rnn.Message} {lstm.Message}".Trim());
    }

    private static Observation Translate(ProbeContext context, Seq2SeqProbe.Sizes s, bool lstm, bool attention)
    {
        var encoder = new Encoder(s.SourceVocabulary, s.E, s.EncoderHidden, s.DecoderHidden, 0.5, lstm ? CellKind.Lstm : CellKind.Rnn);
        var decoder = new Decoder(s.E, s.EncoderHidden, s.DecoderHidden, s.TargetVocabulary, 0.5, lstm ? CellKind.Lstm : CellKind.Rnn, attention);
        var model = new Seq2Seq(encoder, decoder);
        var observation = new Observation();
        if (!ModuleProbe.SetWeights(model, Seq2SeqProbe.Seq2SeqParameters(s, lstm, attention), context, observation))
        {
            return observation;
        }

        var source = Seq2SeqProbe.Sources(context, s);
        model.Eval();
        var outputs = model.Forward(source, s.L);
        observation["outputs"] = outputs;
        ModuleProbe.Gradients(model, context, observation, outputs);
        return observation;
    }

    private static Verdict ScoreTranslation(Observation student, Observation expected, Seq2SeqProbe.Sizes s, bool lstm, bool attention)
    {
        var card = new Scorecard();
        if (!ModuleProbe.ScoreNames(card, student, Seq2SeqProbe.Seq2SeqParameters(s, lstm, attention), "_encoder, _decoder"))
        {
            card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 2);
            return card.Verdict;
        }

        var (actual, wanted) = (student["outputs"], expected["outputs"]);
        if (actual.Shape.SequenceEqual(wanted.Shape) && actual.Select(1, 0).AllClose(wanted.Select(1, 0), 1e-7) && !actual.AllClose(wanted, 1e-7))
        {
            card.Property(false, "The first step is right but later ones differ: each step's input must be the previous step's most likely word (ArgMax over the vocabulary), with the state it returned.", weight: 1);
        }
        else
        {
            card.Value($"the log-probabilities of {s.L} decoded words (N, L, V)", actual, wanted);
        }

        ModuleProbe.ScoreGradients(card, student, expected, "the decoded log-probabilities");
        return card.Verdict;
    }
}
