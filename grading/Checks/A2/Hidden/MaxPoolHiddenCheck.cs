using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A2;

namespace Autograder.Host.Checks.A2.Hidden;

/// <summary>
/// Max pooling on per-student sizes (hidden): overlapping windows (stride below the window) over whole numbers that tie,
/// and windows with gaps between them (stride above the window). Each image's height is a whole number of strides past
/// the first window, and its width leaves stride − 1 columns no window reaches, so an output size written as H / stride,
/// or rounded up, shows; the public check's sizes do not tell those from (H − size) / stride + 1.
/// </summary>
internal sealed class MaxPoolHiddenCheck() : A2Check("a2.max_pool_hidden", "MaxPool on unseen sizes, windows and strides", 2, Visibility.Hidden,
    "Homework.A2.MaxPool.Forward", "Homework.A2.MaxPool.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    public override Observation Probe(ProbeContext context)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
        var observation = new Observation();
        var size = Draw(2, 4);
        Run(context, observation, "overlapping", size, Draw(1, size - 1), Draw, ties: true);
        size = Draw(1, 3);
        Run(context, observation, "gaps", size, Draw(size + 1, 4), Draw, ties: false);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard();
        foreach (var (name, weight) in new[] { ("overlapping", 1.0), ("gaps", 0.5) })
        {
            var label = $"window {expected[name + "_size"].Item()}, stride {expected[name + "_stride"].Item()}, input {string.Join("×", expected[name + "_dx"].Shape.ToArray())}";
            card.Value($"forward ({label})", student[name + "_y"], expected[name + "_y"], weight, member: "Forward")
                .Gradient($"dx ({label}{(name == "overlapping" ? ", ties: the first maximum in row-major order takes the gradient; overlapping windows add" : "")})", student[name + "_dx"], expected[name + "_dx"], weight);
        }

        return card.Verdict;
    }

    private static void Run(ProbeContext context, Observation observation, string name, int size, int stride, Func<int, int, int> draw, bool ties)
    {
        var (n, c) = (draw(1, 3), draw(1, 3));
        var height = size + (stride * draw(1, 3));
        var width = size + (stride * draw(1, 3)) + stride - 1;
        var x = ties ? context.Randint(-1, 2, n, c, height, width).To(DType.Float64) : context.Randn(n, c, height, width);
        var (output, cache) = MaxPool.Forward(x, size, stride);
        observation[name + "_y"] = output;
        observation[name + "_dx"] = MaxPool.Backward(context.Randn([.. output.Shape]), cache);
        observation.Set(name + "_size", size);
        observation.Set(name + "_stride", stride);
    }
}
