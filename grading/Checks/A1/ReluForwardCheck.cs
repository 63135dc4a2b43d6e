using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>ReluForward returns max(x, 0).</summary>
internal sealed class ReluForwardCheck() : A1Check("a1.relu_forward", "ReluForward computes max(x, 0)", 1, "Homework.A1.Layers.ReluForward")
{
    public override Observation Probe(ProbeContext context) => new() { ["out"] = Layers.ReluForward(context.Randn(5, 7)).Out };

    public override Verdict Judge(Observation student, Observation expected) =>
        Compare.Tensors("out", student["out"], expected["out"]) is { } problem ? Verdict.Fail(problem) : Verdict.Pass;
}
