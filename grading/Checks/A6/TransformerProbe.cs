using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// What the Transformer checks share: the sizes they probe with, the expected parameter names and shapes, a model with
/// weights set from the seed (float64), and the test that a sublayer's output went through its LayerNorm last.
/// </summary>
internal static class TransformerProbe
{
    /// <summary>The public sizes: N 2, T 5 positions of at most 7, vocabularies 10 → 8, hidden 6, 2 heads, d_k 3, d_v 4, feed-forward 7.</summary>
    public static readonly Sizes Public = new(2, 5, 10, 8, 6, 2, 3, 4, 7, 7);

    /// <summary>The fields of the translator, in order.</summary>
    public const string Fields = "_embedding, _positionEmbedding, _heads, _headProjection, _normMh, _feedforward1, _feedforward2, _normFf, _finalLayer";

    /// <summary>Sizes of a probe.</summary>
    public sealed record Sizes(int N, int T, int InputVocabulary, int OutputVocabulary, int Hidden, int Heads, int KeySize, int ValueSize, int Feedforward, int MaxLength)
    {
        /// <summary>Sizes drawn from a hidden check's seed: N 1–3, T 2–8 of at most T–T+3, vocabularies 4–12, hidden 2–8, 1–4 heads, d_k 1–5, d_v 1–5, feed-forward 2–9.</summary>
        public static Sizes Draw(ProbeContext context)
        {
            int Next(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
            var t = Next(2, 8);
            return new(Next(1, 3), t, Next(4, 12), Next(4, 12), Next(2, 8), Next(1, 4), Next(1, 5), Next(1, 5), Next(2, 9), t + Next(0, 3));
        }

        /// <summary>The sizes as numbers, to store in an observation.</summary>
        public static double[] Flatten(Sizes s) => [s.N, s.T, s.InputVocabulary, s.OutputVocabulary, s.Hidden, s.Heads, s.KeySize, s.ValueSize, s.Feedforward, s.MaxLength];

        /// <summary>The sizes from <see cref="Flatten"/>'s numbers.</summary>
        public static Sizes Unflatten(int[] v) => new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    /// <summary>One head's parameters, under <paramref name="prefix"/>.</summary>
    public static (string Name, int[] Shape)[] HeadParameters(Sizes s, string prefix = "") =>
    [
        (prefix + "query.weight", [s.KeySize, s.Hidden]), (prefix + "query.bias", [s.KeySize]), (prefix + "key.weight", [s.KeySize, s.Hidden]),
        (prefix + "key.bias", [s.KeySize]), (prefix + "value.weight", [s.ValueSize, s.Hidden]), (prefix + "value.bias", [s.ValueSize]),
    ];

    /// <summary>The translator's parameters in declaration order.</summary>
    public static (string Name, int[] Shape)[] Parameters(Sizes s) =>
    [
        ("embedding.weight", [s.InputVocabulary, s.Hidden]), ("positionEmbedding.weight", [s.MaxLength, s.Hidden]),
        .. Enumerable.Range(0, s.Heads).SelectMany(h => HeadParameters(s, $"heads.{h}.")),
        ("headProjection.weight", [s.Hidden, s.Heads * s.ValueSize]), ("headProjection.bias", [s.Hidden]), ("normMh.weight", [s.Hidden]), ("normMh.bias", [s.Hidden]),
        ("feedforward1.weight", [s.Feedforward, s.Hidden]), ("feedforward1.bias", [s.Feedforward]), ("feedforward2.weight", [s.Hidden, s.Feedforward]),
        ("feedforward2.bias", [s.Hidden]), ("normFf.weight", [s.Hidden]), ("normFf.bias", [s.Hidden]),
        ("finalLayer.weight", [s.OutputVocabulary, s.Hidden]), ("finalLayer.bias", [s.OutputVocabulary]),
    ];

    /// <summary>A translator of the given sizes with weights set from the seed, or null (recorded) when its parameters differ.</summary>
    public static TransformerTranslator? Build(ProbeContext context, Sizes s, Observation observation)
    {
        var model = new TransformerTranslator(s.InputVocabulary, s.OutputVocabulary, s.Hidden, s.Heads, s.Feedforward, s.KeySize, s.ValueSize, s.MaxLength);
        return ModuleProbe.SetWeights(model, Parameters(s), context, observation) ? model : null;
    }

    /// <summary>Source word ids (N, T) drawn from the whole vocabulary.</summary>
    public static Tensor Tokens(ProbeContext context, Sizes s) => context.Randint(0, s.InputVocabulary, s.N, s.T);

    /// <summary>Records a parameter's value (set from the seed, the same for every implementation) for the judge's own computations.</summary>
    public static void Record(Observation observation, TransformerTranslator model, string name) =>
        observation["param_" + name] = model.NamedParameters().First(p => p.Name == name).Parameter;

    /// <summary>Scores names; false when nothing else ran.</summary>
    public static bool ScoreNames(Scorecard card, Observation student, Sizes s)
    {
        if (ModuleProbe.ScoreNames(card, student, Parameters(s), Fields))
        {
            return true;
        }

        card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 3);
        return false;
    }

    /// <summary>
    /// Probes a sublayer (multi-head attention or the feed-forward network) of a translator with weights set from the seed on
    /// random hidden states: its output, the weight and bias of its LayerNorm <paramref name="norm"/>, and every gradient.
    /// </summary>
    public static Observation Sublayer(ProbeContext context, string norm, Func<TransformerTranslator, Tensor, Tensor> run)
    {
        var s = Public;
        var observation = new Observation();
        if (Build(context, s, observation) is not { } model)
        {
            return observation;
        }

        Record(observation, model, norm + ".weight");
        Record(observation, model, norm + ".bias");
        var output = run(model, context.Randn(s.N, s.T, s.Hidden));
        observation["the output"] = output;
        ModuleProbe.Gradients(model, context, observation, output);
        return observation;
    }

    /// <summary>Scores a probe of <see cref="Sublayer"/>: names, the output as <paramref name="formula"/> says, gradients.</summary>
    public static Verdict ScoreSublayer(Observation student, Observation expected, string norm, string formula)
    {
        var card = new Scorecard();
        if (!ScoreNames(card, student, Public))
        {
            return card.Verdict;
        }

        ScoreNormalised(card, student, expected, "the output", norm, formula);
        ModuleProbe.ScoreGradients(card, student, expected, "the output");
        return card.Verdict;
    }

    /// <summary>
    /// Scores a sublayer's output: it must be LayerNorm(x + sublayer(x)), so undoing the norm's affine map (recorded as
    /// <c>param_{norm}.weight/bias</c>) leaves rows of mean 0 and variance 1; otherwise the residual came after the norm.
    /// </summary>
    public static Scorecard ScoreNormalised(Scorecard card, Observation student, Observation expected, string name, string norm, string formula)
    {
        var (actual, wanted) = (student[name], expected[name]);
        if (!actual.Shape.SequenceEqual(wanted.Shape))
        {
            return card.Value(name, actual, wanted, weight: 2);
        }

        var standard = (actual - expected[$"param_{norm}.bias"]) / expected[$"param_{norm}.weight"];
        var normalised = standard.Mean(2).Abs().Max().Item() < 1e-6 && (standard.Square().Mean(2) - 1.0).Abs().Max().Item() < 1e-3;
        return normalised
            ? card.Value($"{name}, {formula}", actual, wanted, weight: 2)
            : card.Property(false, $"{name}: the rows are not the output of {norm}: the result must be {formula}, the residual added inside, the LayerNorm last.", weight: 2);
    }
}
