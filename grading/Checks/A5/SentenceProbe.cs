using Autograder.Grading.Checks;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A5;

/// <summary>What A5's checks share: the sizes they probe with and padded batches of sentences drawn from the check's seed.</summary>
internal static class SentenceProbe
{
    /// <summary>The public checks' sizes: N 4 sentences, T 6 positions, V 12 words, D 5, H 4.</summary>
    public static readonly Sizes Public = new(4, 6, 12, 5, 4);

    /// <summary>Sizes of a probe.</summary>
    public sealed record Sizes(int N, int T, int V, int D, int H)
    {
        /// <summary>Sizes drawn from a hidden check's seed: N 2–6, T 3–9, V 5–20, D 1–7, H 1–6.</summary>
        public static Sizes Draw(ProbeContext context)
        {
            int Next(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
            return new(Next(2, 6), Next(3, 9), Next(5, 20), Next(1, 7), Next(1, 6));
        }
    }

    /// <summary>
    /// A padded batch: lengths from 1 to T (the first sentence full, the last one word long, the others drawn), real words
    /// drawn from 2 … V − 1 with the first sentence's second word repeating its first and its third the unknown word (id 1),
    /// padding 0 after each length.
    /// </summary>
    public static (Tensor Tokens, Tensor Lengths) Batch(ProbeContext context, Sizes s)
    {
        var lengths = new long[s.N];
        var tokens = new long[s.N * s.T];
        for (var i = 0; i < s.N; i++)
        {
            lengths[i] = i == 0 ? s.T : i == s.N - 1 ? 1 : context.Generator.NextInt64(1, s.T + 1);
            for (var t = 0; t < lengths[i]; t++)
            {
                tokens[(i * s.T) + t] = context.Generator.NextInt64(2, s.V);
            }
        }

        tokens[1] = tokens[0];
        tokens[2] = 1;
        return (Tensor.FromArray(tokens, s.N, s.T), Tensor.FromArray(lengths, s.N));
    }

    /// <summary>Labels 0/1 (N) float32 drawn from the seed, both present.</summary>
    public static Tensor Labels(ProbeContext context, int n)
    {
        var labels = Enumerable.Range(0, n).Select(i => i < 2 ? i : (float)context.Generator.NextInt64(0, 2)).ToArray();
        return Tensor.FromArray(labels, n);
    }

    /// <summary>The parameters of an embedding → recurrent layer → linear model, in declaration order.</summary>
    public static (string Name, int[] Shape)[] RecurrentParameters(Sizes s, string layer, int gates) =>
    [
        ("embed.weight", [s.V, s.D]), ($"{layer}.weight_ih_l0", [gates * s.H, s.D]), ($"{layer}.weight_hh_l0", [gates * s.H, s.H]),
        ($"{layer}.bias_ih_l0", [gates * s.H]), ($"{layer}.bias_hh_l0", [gates * s.H]), ("linear.weight", [1, s.H]), ("linear.bias", [1]),
    ];
}
