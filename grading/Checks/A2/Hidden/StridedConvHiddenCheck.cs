using Autograder.Grading.Checks;
using Autograder.Grading.Judging;

namespace Autograder.Host.Checks.A2.Hidden;

/// <summary>The general convolution on per-student sizes, strides (1–3) and paddings (0–2) (hidden): answers cannot be copied from the public check.</summary>
internal sealed class StridedConvHiddenCheck() : A2Check("a2.strided_conv_hidden", "StridedConv on unseen sizes, strides and paddings", 3, Visibility.Hidden,
    "Homework.A2.StridedConv.Forward", "Homework.A2.StridedConv.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    public override Observation Probe(ProbeContext context)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
        var observation = new Observation();
        var (stride, padding) = (Draw(1, 3), Draw(0, 2));
        var kernel = (Draw(1, 4), Draw(1, 4), Draw(1, 4));
        StridedConvCheck.Run(context, observation, "hidden", (Draw(1, 3), Draw(1, 3), Draw(kernel.Item2, 9), Draw(kernel.Item3, 9)), kernel, stride, padding);
        observation.Set("stride", stride);
        observation.Set("padding", padding);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var label = $"stride {expected["stride"].Item()}, padding {expected["padding"].Item()}";
        return StridedConvCheck.Score(new Scorecard(), student, expected, [("hidden", label)]).Verdict;
    }
}
