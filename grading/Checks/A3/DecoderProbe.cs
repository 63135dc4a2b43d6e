using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Autograder.Host.Checks.A3;

/// <summary>
/// What the framework decoders' checks share: the sizes they probe with, the expected parameter names and shapes, weights
/// set from the check's seed (float64, so values compare at 1e-7), and gradients of a fixed random projection of the outputs.
/// </summary>
internal static class DecoderProbe
{
    /// <summary>The public checks' sizes: N 3 captions, T 4 steps, L 5 regions, V 10 words, F 6 features, W 5, H 4, A 3.</summary>
    public static readonly Sizes Public = new(3, 4, 5, 10, 6, 5, 4, 3);

    /// <summary>Sizes of a probe.</summary>
    public sealed record Sizes(int N, int T, int L, int V, int F, int W, int H, int A)
    {
        /// <summary>Sizes drawn from a hidden check's seed: N 1–4, T 2–5, L 2–9, V 4–12, F 2–7, W 1–6, H 1–6, A 1–5.</summary>
        public static Sizes Draw(ProbeContext context)
        {
            int Next(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
            return new(Next(1, 4), Next(2, 5), Next(2, 9), Next(4, 12), Next(2, 7), Next(1, 6), Next(1, 6), Next(1, 5));
        }
    }

    /// <summary>The LSTM decoder's parameters in declaration order.</summary>
    public static (string Name, int[] Shape)[] LstmDecoderParameters(Sizes s) =>
    [
        ("project.weight", [s.H, s.F]), ("project.bias", [s.H]), ("embed.weight", [s.V, s.W]),
        .. Cell("cell", s.W, s.H), ("output.weight", [s.V, s.H]), ("output.bias", [s.V]),
    ];

    /// <summary>The attention layer's parameters, under <paramref name="prefix"/>.</summary>
    public static (string Name, int[] Shape)[] AttentionParameters(Sizes s, string prefix = "") =>
    [
        (prefix + "regions.weight", [s.A, s.F]), (prefix + "regions.bias", [s.A]), (prefix + "hidden.weight", [s.A, s.H]),
        (prefix + "hidden.bias", [s.A]), (prefix + "score.weight", [1, s.A]), (prefix + "score.bias", [1]),
    ];

    /// <summary>The attention decoder's parameters in declaration order.</summary>
    public static (string Name, int[] Shape)[] AttentionDecoderParameters(Sizes s) =>
    [
        ("project.weight", [s.H, s.F]), ("project.bias", [s.H]), ("embed.weight", [s.V, s.W]), .. AttentionParameters(s, "attention."),
        .. Cell("cell", s.W + s.F, s.H), ("output.weight", [s.V, s.H]), ("output.bias", [s.V]),
    ];

    /// <summary>
    /// Records whether <paramref name="model"/>'s parameters are <paramref name="expected"/>; when they are, converts it to
    /// float64 and sets every parameter from the seed (scaled by 0.5, biases included, so a dropped bias shows) and returns true.
    /// </summary>
    public static bool SetWeights(Module model, (string Name, int[] Shape)[] expected, ProbeContext context, Observation observation)
    {
        var named = model.NamedParameters().Select(p => (p.Name, Shape: p.Parameter.Shape.ToArray())).ToList();
        var matches = named.Count == expected.Length && named.Zip(expected).All(p => p.First.Name == p.Second.Name && p.First.Shape.SequenceEqual(p.Second.Shape));
        observation.Set("names_match", matches ? 1 : 0);
        if (matches)
        {
            model.To(DType.Float64);
            model.LoadStateDict(expected.ToDictionary(p => p.Name, p => context.Randn(p.Shape) * 0.5));
        }

        return matches;
    }

    /// <summary>Backpropagates Σ outputᵢ ⊙ Rᵢ (R drawn from the seed) and records every parameter's gradient as <c>grad_NAME</c>.</summary>
    public static void Gradients(Module model, ProbeContext context, Observation observation, params Tensor[] outputs)
    {
        var loss = outputs.Select(o => (o * context.Randn([.. o.Shape.ToArray()])).Sum()).Aggregate((a, b) => a + b);
        loss.Backward();
        foreach (var (name, parameter) in model.NamedParameters())
        {
            observation["grad_" + name] = parameter.Grad ?? Tensor.ZerosLike(parameter);
        }
    }

    /// <summary>Scores the parameter names; false when the rest was not probed.</summary>
    public static bool ScoreNames(Scorecard card, Observation student, (string Name, int[] Shape)[] expected, string fields)
    {
        var names = string.Join(", ", expected.Select(p => $"{p.Name} ({string.Join("×", p.Shape)})"));
        var matches = student["names_match"].Item() == 1;
        card.Property(matches, $"The parameters must be, in this order: {names}. Declare the fields {fields} in that order.", weight: 0.5);
        return matches;
    }

    /// <summary>Scores every <c>grad_NAME</c> entry against the reference's, as one item.</summary>
    public static void ScoreGradients(Scorecard card, Observation student, Observation expected, string what)
    {
        var wrong = expected.Names.Where(n => n.StartsWith("grad_", StringComparison.Ordinal))
            .Where(n => !student.Contains(n) || !student[n].Shape.SequenceEqual(expected[n].Shape) || !student[n].AllClose(expected[n], 1e-6))
            .Select(n => n[5..]).ToList();
        card.Property(wrong.Count == 0, $"Gradients of {what} differ from the reference's for {string.Join(", ", wrong)}: is part of the computation detached, done without the graph (NoGrad, Item, ToArray), or shared between steps incorrectly?");
    }

    /// <summary>A grid of (N, T) word indices below <paramref name="vocabulary"/>, starting with the start word 1.</summary>
    public static Tensor Words(ProbeContext context, int n, int t, int vocabulary)
    {
        return Tensor.Cat([Tensor.Full([n, 1], 1, DType.Int64), context.Randint(0, vocabulary, n, t - 1)], 1);
    }

    private static (string Name, int[] Shape)[] Cell(string name, int input, int hidden) =>
    [
        (name + ".weight_ih", [4 * hidden, input]), (name + ".weight_hh", [4 * hidden, hidden]), (name + ".bias_ih", [4 * hidden]), (name + ".bias_hh", [4 * hidden]),
    ];
}
