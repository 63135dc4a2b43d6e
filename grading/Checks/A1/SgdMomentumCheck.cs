using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>Two steps of SGD with momentum from a given velocity: the parameter and the velocity after each.</summary>
internal sealed class SgdMomentumCheck() : A1Check("a1.sgd_momentum", "SgdMomentum: two steps from a given velocity", 2, "Homework.A1.SgdMomentum.Step")
{
    /// <summary>Update rules change the weights they are given (in place is as right as a new tensor).</summary>
    protected override bool UpdatesInputs => true;

    public override Observation Probe(ProbeContext context)
    {
        var (w, dw1, dw2) = (context.Randn(4, 5), context.Randn(4, 5), context.Randn(4, 5));
        var rule = new SgdMomentum(1e-2, 0.9) { Velocity = context.Randn(4, 5) };
        // Snapshots: a correct rule may update its velocity and the parameter in place (as PyTorch's SGD does), so what
        // step 1 returned must be copied before step 2 runs, and each step gets its own copy of the parameter.
        var w1 = rule.Step(w.Clone(), dw1).Clone();
        var v1 = rule.Velocity!.Clone();
        var w2 = rule.Step(w1.Clone(), dw2).Clone();
        return new Observation { ["w1"] = w1, ["v1"] = v1, ["w2"] = w2, ["v2"] = rule.Velocity!.Clone() };
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Value("next w (step 1)", student["w1"], expected["w1"])
        .Value("velocity (step 1)", student["v1"], expected["v1"])
        .Value("next w (step 2)", student["w2"], expected["w2"])
        .Value("velocity (step 2)", student["v2"], expected["v2"])
        .Verdict;
}
