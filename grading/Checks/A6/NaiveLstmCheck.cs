using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// The LSTM from its own parameters: their names and shapes; with set weights (float64) the last h and c of a sequence from
/// zeros and from a given state; the gradients; and a forget gate that really forgets (its own weights, not another gate's).
/// </summary>
internal sealed class NaiveLstmCheck() : A6Check("a6.naive_lstm", "NaiveLstm: four gates from their own parameters, last h and c, gradients", 2,
    "Homework.A6.NaiveLstm.Forward")
{
    /// <summary>The public sizes: N 3, T 4, D 3, H 5.</summary>
    public static readonly (int N, int T, int D, int H) Public = (3, 4, 3, 5);

    private const string Fields = "_weightIi, _weightHi, _biasI, _weightIf, _weightHf, _biasF, _weightIg, _weightHg, _biasG, _weightIo, _weightHo, _biasO";

    public override Observation Probe(ProbeContext context) => Run(context, Public);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected, Public);

    /// <summary>The parameters in declaration order.</summary>
    public static (string Name, int[] Shape)[] Parameters(int d, int h) =>
        [.. "ifgo".SelectMany(g => new (string, int[])[] { ($"weightI{g}", [d, h]), ($"weightH{g}", [h, h]), ($"bias{char.ToUpperInvariant(g)}", [h]) })];

    /// <summary>Probes a model of the given sizes.</summary>
    public static Observation Run(ProbeContext context, (int N, int T, int D, int H) s)
    {
        var model = new NaiveLstm(s.D, s.H);
        var observation = new Observation();
        if (!ModuleProbe.SetWeights(model, Parameters(s.D, s.H), context, observation))
        {
            return observation;
        }

        var input = context.Randn(s.N, s.T, s.D);
        using (Tensor.NoGrad())
        {
            (observation["h_from_zeros"], observation["c_from_zeros"]) = model.Forward(input);
        }

        var (h, c) = model.Forward(input, (context.Randn(s.N, s.H), context.Randn(s.N, s.H)));
        (observation["h"], observation["c"]) = (h, c);
        ModuleProbe.Gradients(model, context, observation, h, c);
        return observation;
    }

    /// <summary>Scores a probe of the given sizes.</summary>
    public static Verdict Score(Observation student, Observation expected, (int N, int T, int D, int H) s)
    {
        var card = new Scorecard();
        if (!ModuleProbe.ScoreNames(card, student, Parameters(s.D, s.H), Fields))
        {
            card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 4);
            return card.Verdict;
        }

        card.Value("h_T from a zero state (N, H)", student["h_from_zeros"], expected["h_from_zeros"], weight: 0.5)
            .Value("c_T from a zero state (N, H)", student["c_from_zeros"], expected["c_from_zeros"], weight: 0.5)
            .Value("h_T from a given (h_0, c_0)", student["h"], expected["h"])
            .Value("c_T from a given (h_0, c_0)", student["c"], expected["c"]);
        var wrong = expected.Names.Where(n => n.StartsWith("grad_", StringComparison.Ordinal) && !student[n].AllClose(expected[n], 1e-6)).Select(n => n[5..]).ToList();
        var unused = Parameters(s.D, s.H).Select(p => p.Name).Where(n => student["grad_" + n].Abs().Max().Item() == 0).ToList();
        card.Property(wrong.Count == 0, unused.Count > 0
            ? $"No gradient reaches {string.Join(", ", unused)}: every gate must use its own weights and bias (is a gate reusing another gate's parameters?)."
            : $"Gradients of h_T and c_T differ from the reference's for {string.Join(", ", wrong)}.");
        return card.Verdict;
    }
}
