using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>ReluBackward passes the gradient where the input was positive.</summary>
internal sealed class ReluBackwardCheck() : A1Check("a1.relu_backward", "ReluBackward masks by the input", 1, "Homework.A1.Layers.ReluBackward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    public override Observation Probe(ProbeContext context)
    {
        var x = context.Randn(5, 7);
        return new Observation { ["dx"] = Layers.ReluBackward(context.Randn(5, 7), x) };
    }

    public override Verdict Judge(Observation student, Observation expected) =>
        Compare.Gradient("dx", student["dx"], expected["dx"]) is { } problem ? Verdict.Fail(problem) : Verdict.Pass;
}
