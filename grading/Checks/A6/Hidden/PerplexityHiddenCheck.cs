using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A6;

namespace Autograder.Host.Checks.A6.Hidden;

/// <summary>
/// Perplexity on per-student sizes (hidden): 1–5 sentences of 2–12 positions over 4–15 words, each with 1 to all of its
/// positions real and the rest padding, against the reference.
/// </summary>
internal sealed class PerplexityHiddenCheck() : A6Check("a6.perplexity_hidden", "Perplexity on unseen sizes and padding", 0.5, Visibility.Hidden,
    "Homework.A6.Perplexity.Compute")
{
    public override Observation Probe(ProbeContext context)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
        var (n, t, v) = (Draw(1, 5), Draw(2, 12), Draw(4, 15));
        var tokens = new long[n * t];
        for (var i = 0; i < n; i++)
        {
            var real = Draw(1, t);
            for (var j = 0; j < t; j++)
            {
                // Real words are any but the padding word (1): 0, then 2 … V − 1.
                var word = Draw(0, v - 2);
                tokens[(i * t) + j] = j >= real ? SpecialTokens.Padding : word >= SpecialTokens.Padding ? word + 1 : word;
            }
        }

        var logProbabilities = (context.Randn(n, t, v) * 2.0).LogSoftmax(2);
        return new Observation { ["perplexity"] = Perplexity.Compute(logProbabilities, Tensor.FromArray(tokens, n, t)) };
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Value("the perplexity", student["perplexity"].Reshape(-1), expected["perplexity"].Reshape(-1))
        .Verdict;
}
