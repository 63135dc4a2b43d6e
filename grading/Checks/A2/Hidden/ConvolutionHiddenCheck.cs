using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Homework.A2;

namespace Autograder.Host.Checks.A2;

/// <summary>
/// Convolution.Valid, Filter and Full, and ConvLayer forward and backward, on per-student sizes (hidden): kernels of any
/// height and width up to the input's. Half the points each; a part that is still a stub counts as missing, and one that
/// throws as failed, while the other is graded.
/// </summary>
internal sealed class ConvolutionHiddenCheck() : A2Check("a2.convolution_hidden", "Convolution operations and ConvLayer on unseen sizes", 2, Visibility.Hidden,
    "Homework.A2.Convolution.Valid", "Homework.A2.Convolution.Filter", "Homework.A2.Convolution.Full", "Homework.A2.ConvLayer.Forward", "Homework.A2.ConvLayer.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    private static readonly (string Prefix, string What, string Member)[] Parts =
        [("operations_", "Convolution", "Convolution.Valid"), ("layer_", "ConvLayer", "ConvLayer.Forward")];

    public override Observation Probe(ProbeContext context)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high);
        var (h, w) = (Draw(3, 9), Draw(3, 9));
        var (kh, kw) = (Draw(1, h + 1), Draw(1, w + 1));
        var (n, c, f) = (Draw(1, 4), Draw(1, 4), Draw(1, 5));
        return CheckParts.Probe(
            isolateFailures: true,
            ("operations_", () =>
            {
                var own = CheckParts.Own(context, 0);
                var (x, k) = (own.Randn(h, w), own.Randn(kh, kw));
                return new Observation { ["valid"] = Convolution.Valid(x, k), ["filter"] = Convolution.Filter(x, k), ["full"] = Convolution.Full(x, k) };
            }),
            ("layer_", () =>
            {
                var own = CheckParts.Own(context, 1);
                var (x, k, b) = (own.Randn(n, c, h, w), own.Randn(f, c, kh, kw), own.Randn(f));
                var (output, cache) = ConvLayer.Forward(x, k, b);
                var (dx, dk, db) = ConvLayer.Backward(own.Randn(n, f, h - kh + 1, w - kw + 1), cache);
                return new Observation { ["y"] = output, ["dx"] = dx, ["dk"] = dk, ["db"] = db };
            }));
    }

    public override Verdict Judge(Observation student, Observation expected) => CheckParts.ScoreEqually(student, expected, Parts, CheckParts.ValuesAndGradients);
}
