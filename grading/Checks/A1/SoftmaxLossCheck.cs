using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>SoftmaxLoss returns the mean cross-entropy and its gradient; half the points each. Large scores test numerical stability.</summary>
internal sealed class SoftmaxLossCheck() : A1Check("a1.softmax_loss", "SoftmaxLoss: loss and dX (stable for large scores)", 3, "Homework.A1.Layers.SoftmaxLoss")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    public override Observation Probe(ProbeContext context)
    {
        // Rows 0 and 1 are shifted by ±1000: the loss is the same, but exp overflows to ∞ or underflows to 0 there unless
        // each row's maximum is subtracted first.
        // Row 2 spans 900 between two classes: shifting by the row's minimum instead of its maximum overflows there.
        var shift = Tensor.FromArray(new[] { 1000.0, -1000.0, 0, 0, 0, 0, 0, 0 }, 8, 1);
        var spread = new double[8 * 10];
        (spread[20], spread[21]) = (450, -450);
        var scores = (context.Randn(8, 10) * 30.0) + shift + Tensor.FromArray(spread, 8, 10);
        var (loss, dx) = Layers.SoftmaxLoss(scores, context.Randint(0, 10, 8));
        var observation = new Observation { ["dx"] = dx };
        observation.Set("loss", loss);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var problems = new[] { Compare.Value("loss", student["loss"], expected["loss"], batchSize: 8), Compare.Gradient("dx", student["dx"], expected["dx"], batchSize: 8) }.OfType<string>().ToList();
        return new Verdict((2 - problems.Count) / 2.0, string.Join(" ", problems));
    }
}
