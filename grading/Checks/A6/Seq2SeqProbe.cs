using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// What the Seq2Seq checks share: the sizes they probe with, the expected parameter names and shapes, batches of source
/// sentences (each starting with &lt;sos&gt;, some ending early with &lt;eos&gt; and padding), and the scoring of a model's parts.
/// </summary>
internal static class Seq2SeqProbe
{
    /// <summary>The public checks' sizes: N 3 sentences, S 5 source words, L 4 decoded words, vocabularies 11 and 9, E 4, both hidden sizes 5.</summary>
    public static readonly Sizes Public = new(3, 5, 4, 11, 9, 4, 5, 5);

    /// <summary>The public sizes with an encoder wider than the decoder (RNN without attention), so that the two sizes cannot be swapped unnoticed.</summary>
    public static readonly Sizes PublicUnequal = Public with { EncoderHidden = 6 };

    /// <summary>Sizes of a probe.</summary>
    public sealed record Sizes(int N, int S, int L, int SourceVocabulary, int TargetVocabulary, int E, int EncoderHidden, int DecoderHidden)
    {
        /// <summary>Sizes drawn from a hidden check's seed: N 1–4, S 2–7, L 1–6, vocabularies 5–14, E 1–6, hidden 1–6 (equal when <paramref name="equal"/>).</summary>
        public static Sizes Draw(ProbeContext context, bool equal)
        {
            int Next(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
            var (n, s, l, vs, vt, e, he) = (Next(1, 4), Next(2, 7), Next(1, 6), Next(5, 14), Next(5, 14), Next(1, 6), Next(1, 6));
            return new(n, s, l, vs, vt, e, he, equal ? he : Next(1, 6));
        }

        /// <summary>The sizes as numbers, to store in an observation.</summary>
        public static double[] Flatten(Sizes s) => [s.N, s.S, s.L, s.SourceVocabulary, s.TargetVocabulary, s.E, s.EncoderHidden, s.DecoderHidden];

        /// <summary>The sizes from <see cref="Flatten"/>'s numbers.</summary>
        public static Sizes Unflatten(int[] v) => new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /// <summary>The encoder's parameters in declaration order.</summary>
    public static (string Name, int[] Shape)[] EncoderParameters(Sizes s, bool lstm) =>
    [
        ("embedding.weight", [s.SourceVocabulary, s.E]), .. Recurrent("recurrent", lstm, s.E, s.EncoderHidden),
        ("linear1.weight", [s.EncoderHidden, s.EncoderHidden]), ("linear1.bias", [s.EncoderHidden]),
        ("linear2.weight", [s.DecoderHidden, s.EncoderHidden]), ("linear2.bias", [s.DecoderHidden]),
    ];

    /// <summary>The decoder's parameters in declaration order (<c>combine</c> only with attention).</summary>
    public static (string Name, int[] Shape)[] DecoderParameters(Sizes s, bool lstm, bool attention) =>
    [
        ("embedding.weight", [s.TargetVocabulary, s.E]),
        .. attention ? new (string, int[])[] { ("combine.weight", [s.E, s.E + s.EncoderHidden]), ("combine.bias", [s.E]) } : [],
        .. Recurrent("recurrent", lstm, s.E, s.DecoderHidden), ("linear.weight", [s.TargetVocabulary, s.DecoderHidden]), ("linear.bias", [s.TargetVocabulary]),
    ];

    /// <summary>The whole translator's parameters: the encoder's under <c>encoder.</c>, then the decoder's under <c>decoder.</c>.</summary>
    public static (string Name, int[] Shape)[] Seq2SeqParameters(Sizes s, bool lstm, bool attention) =>
    [
        .. EncoderParameters(s, lstm).Select(p => ("encoder." + p.Name, p.Shape)),
        .. DecoderParameters(s, lstm, attention).Select(p => ("decoder." + p.Name, p.Shape)),
    ];

    /// <summary>
    /// Source sentences (N, S) int64: &lt;sos&gt; first, then words drawn from 4 … V − 1; every sentence but the first ends
    /// early with &lt;eos&gt; and padding, so a model that treats the special ids as words still runs.
    /// </summary>
    public static Tensor Sources(ProbeContext context, Sizes s)
    {
        var ids = new long[s.N * s.S];
        for (var i = 0; i < s.N; i++)
        {
            var length = i == 0 ? s.S : (int)context.Generator.NextInt64(1, s.S + 1);
            for (var t = 0; t < s.S; t++)
            {
                ids[(i * s.S) + t] = t == 0 ? SpecialTokens.Start
                    : t < length - 1 ? context.Generator.NextInt64(4, s.SourceVocabulary)
                    : t == length - 1 ? SpecialTokens.End : SpecialTokens.Padding;
            }
        }

        return Tensor.FromArray(ids, s.N, s.S);
    }

    /// <summary>A recurrent state for an LSTM (<paramref name="lstm"/>) or an RNN drawn from the seed, (1, N, H) each.</summary>
    public static RecurrentState State(ProbeContext context, bool lstm, int n, int hidden) =>
        new(context.Randn(1, n, hidden), lstm ? context.Randn(1, n, hidden) : null);

    /// <summary>
    /// Records whether calls in training mode differ (dropout active): up to 20 calls against the first, since with the
    /// hidden checks' smallest sizes two masks are often the same.
    /// </summary>
    public static void Dropout(Observation observation, Func<Tensor> run)
    {
        using (Tensor.NoGrad())
        {
            var first = run();
            observation.Set("dropout_in_training", Enumerable.Range(0, 19).Any(_ => !run().AllClose(first, 1e-12)) ? 1 : 0);
        }
    }

    /// <summary>Scores the dropout property.</summary>
    public static Scorecard ScoreDropout(Scorecard card, Observation student) =>
        card.Property(student["dropout_in_training"].Item() == 1, "Twenty calls in training mode gave the same result: dropout after the embedding is missing (or not called).", weight: 0.5);

    /// <summary>Scores log-probabilities: a missing or doubled log-softmax named, else the values.</summary>
    public static Scorecard ScoreLogProbabilities(Scorecard card, string what, Tensor actual, Tensor expected, double weight = 1)
    {
        var normalised = actual.Shape.SequenceEqual(expected.Shape) && actual.Exp().Sum(actual.Dim - 1).AllClose(Tensor.OnesLike(expected.Select(expected.Dim - 1, 0)), 1e-6);
        return normalised || !actual.Shape.SequenceEqual(expected.Shape)
            ? card.Value(what, actual, expected, weight)
            : card.Property(false, $"{what}: the rows' probabilities do not sum to one: end with a log-softmax over the vocabulary (dimension 1 of the (N, V) scores).", weight);
    }

    /// <summary>
    /// The context of a check's part <paramref name="index"/>: its own random stream from the check's seed, so that a part
    /// that stops early (a stub, wrong names) does not shift what the next part draws.
    /// </summary>
    public static ProbeContext Part(ProbeContext context, int index) => CheckParts.Own(context, index);

    /// <summary>Runs a probe per cell kind under its prefix ("rnn_", "lstm_"), each with its own random stream.</summary>
    public static Observation PerCell(ProbeContext context, Func<ProbeContext, bool, Observation> probe) =>
        CheckParts.Probe(isolateFailures: true, ("rnn_", () => probe(Part(context, 0), false)), ("lstm_", () => probe(Part(context, 1), true)));

    /// <summary>Scores the parts of <see cref="PerCell"/>, half the points each.</summary>
    public static Verdict ScorePerCell(Observation student, Observation expected, Func<bool, Observation, Observation, Verdict> score)
    {
        var rnn = CheckParts.Score(student, expected, "rnn_", "With an RNN", (a, b) => score(false, a, b));
        var lstm = CheckParts.Score(student, expected, "lstm_", "With an LSTM", (a, b) => score(true, a, b));
        return new Verdict((rnn.Fraction + lstm.Fraction) / 2, $"{rnn.Message} {lstm.Message}".Trim());
    }

    private static (string Name, int[] Shape)[] Recurrent(string name, bool lstm, int input, int hidden)
    {
        var gates = lstm ? 4 : 1;
        return
        [
            (name + ".weight_ih_l0", [gates * hidden, input]), (name + ".weight_hh_l0", [gates * hidden, hidden]),
            (name + ".bias_ih_l0", [gates * hidden]), (name + ".bias_hh_l0", [gates * hidden]),
        ];
    }
}
