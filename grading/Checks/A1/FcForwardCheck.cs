using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>FcForward returns X W + b for a batch.</summary>
internal sealed class FcForwardCheck() : A1Check("a1.fc_forward", "FcForward computes Y = XW + b", 2, "Homework.A1.Layers.FcForward")
{
    public override Observation Probe(ProbeContext context)
    {
        var (output, _) = Layers.FcForward(context.Randn(4, 5), context.Randn(5, 3), context.Randn(3));
        return new Observation { ["out"] = output };
    }

    public override Verdict Judge(Observation student, Observation expected) =>
        Compare.Tensors("out", student["out"], expected["out"]) is { } problem ? Verdict.Fail(problem) : Verdict.Pass;
}
