using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A2;

namespace Autograder.Host.Checks.A2;

/// <summary>Max-pooling forward and backward: a 2×2 stride-2 pool on random values, and an overlapping pool over ties (the first maximum takes the gradient).</summary>
internal sealed class MaxPoolCheck() : A2Check("a2.max_pool", "MaxPool: forward, backward, ties and overlapping windows", 3,
    "Homework.A2.MaxPool.Forward", "Homework.A2.MaxPool.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    public override Observation Probe(ProbeContext context)
    {
        var (output, cache) = MaxPool.Forward(context.Randn(2, 3, 6, 4), 2, 2);
        var dx = MaxPool.Backward(context.Randn(2, 3, 3, 2), cache);

        // Ties: small whole numbers repeat inside windows; size 3, stride 2 windows overlap.
        var ties = context.Randint(-2, 3, 1, 2, 7, 7).To(DType.Float64);
        var (tiesOut, tiesCache) = MaxPool.Forward(ties, 3, 2);
        var tiesDx = MaxPool.Backward(context.Randn(1, 2, 3, 3), tiesCache);
        return new Observation { ["y"] = output, ["dx"] = dx, ["ties_y"] = tiesOut, ["ties_dx"] = tiesDx };
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Value("forward (2×2, stride 2)", student["y"], expected["y"])
        .Gradient("dx (2×2, stride 2)", student["dx"], expected["dx"])
        .Value("forward (3×3, stride 2, ties)", student["ties_y"], expected["ties_y"], weight: 0.5)
        .Gradient("dx (3×3, stride 2, ties: the first maximum in row-major order takes the gradient; overlapping windows add)", student["ties_dx"], expected["ties_dx"])
        .Verdict;
}
