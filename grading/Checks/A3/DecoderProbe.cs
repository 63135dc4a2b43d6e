using Autograder.Grading.Checks;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A3;

/// <summary>What the framework decoders' checks share: the sizes they probe with, the expected parameter names and shapes, and caption word grids (weights and gradients: <see cref="Support.ModuleProbe"/>).</summary>
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
