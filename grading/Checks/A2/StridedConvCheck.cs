using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A2;

namespace Autograder.Host.Checks.A2;

/// <summary>The general convolution layer (stride, zero padding): forward and the three gradients, in two configurations.</summary>
internal sealed class StridedConvCheck() : A2Check("a2.strided_conv", "StridedConv: forward and backward with stride and padding", 4,
    "Homework.A2.StridedConv.Forward", "Homework.A2.StridedConv.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    /// <summary>(stride, padding) of the public cases: stride 2 with padding 1 (output 4×3 from 7×6), stride 1 with padding 2.</summary>
    private static readonly (int Stride, int Padding)[] Cases = [(2, 1), (1, 2)];

    /// <summary>Kernels exactly as large as the (padded) input, so the output is 1×1: an off-by-one in the output size or the fit test shows here.</summary>
    private static readonly (string Key, string Label)[] ExactFits =
        [("fit_p0", "a 4×5 kernel on a 4×5 input, no padding"), ("fit_p1", "a 5×5 kernel on a 3×3 input, padding 1, stride 2")];

    public override Observation Probe(ProbeContext context)
    {
        var observation = new Observation();
        foreach (var (stride, padding) in Cases)
        {
            Run(context, observation, $"s{stride}p{padding}", (2, 3, 7, 6), (4, 3, 3), stride, padding);
        }

        Run(context, observation, ExactFits[0].Key, (2, 3, 4, 5), (2, 4, 5), 1, 0);
        Run(context, observation, ExactFits[1].Key, (2, 2, 3, 3), (2, 5, 5), 2, 1);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) =>
        Score(new Scorecard(), student, expected, [.. Cases.Select(c => ($"s{c.Stride}p{c.Padding}", $"stride {c.Stride}, padding {c.Padding}")), .. ExactFits]).Verdict;

    /// <summary>Runs forward and backward on random inputs; records Y, dX, dK, db under <paramref name="key"/> (shared with the hidden check).</summary>
    internal static void Run(ProbeContext context, Observation observation, string key, (int N, int C, int H, int W) input, (int F, int Height, int Width) kernel, int stride, int padding)
    {
        var x = context.Randn(input.N, input.C, input.H, input.W);
        var (k, b) = (context.Randn(kernel.F, input.C, kernel.Height, kernel.Width), context.Randn(kernel.F));
        var (output, cache) = StridedConv.Forward(x, k, b, stride, padding);
        var outH = ((input.H + (2 * padding) - kernel.Height) / stride) + 1;
        var outW = ((input.W + (2 * padding) - kernel.Width) / stride) + 1;
        var (dx, dk, db) = StridedConv.Backward(context.Randn(input.N, kernel.F, outH, outW), cache);
        (observation[$"{key}_y"], observation[$"{key}_dx"], observation[$"{key}_dk"], observation[$"{key}_db"]) = (output, dx, dk, db);
    }

    /// <summary>Forward 1 and each gradient 1 per case.</summary>
    internal static Scorecard Score(Scorecard card, Observation student, Observation expected, IEnumerable<(string Key, string Label)> cases)
    {
        foreach (var (key, label) in cases)
        {
            card.Value($"Y ({label})", student[$"{key}_y"], expected[$"{key}_y"]);
            foreach (var name in new[] { "dx", "dk", "db" })
            {
                card.Gradient($"{name} ({label})", student[$"{key}_{name}"], expected[$"{key}_{name}"]);
            }
        }

        return card;
    }
}
