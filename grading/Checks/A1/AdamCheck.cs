using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>Two Adam steps from given moments at t = 5, and a first step from scratch (where the bias correction matters most).</summary>
internal sealed class AdamCheck() : A1Check("a1.adam", "Adam: steps from given moments and from scratch", 2, "Homework.A1.Adam.Step")
{
    /// <summary>Update rules change the weights they are given (in place is as right as a new tensor).</summary>
    protected override bool UpdatesInputs => true;

    public override Observation Probe(ProbeContext context)
    {
        var (w, dw1, dw2) = (context.Randn(4, 5), context.Randn(4, 5), context.Randn(4, 5));
        var rule = new Adam(1e-2) { M = context.Randn(4, 5) * 0.1, V = context.Randn(4, 5).Square() * 0.1, T = 5 };
        // Snapshots, as for SGD with momentum: in-place updates of M, V or the parameter are allowed.
        var w1 = rule.Step(w.Clone(), dw1).Clone();
        var (m1, v1) = (rule.M!.Clone(), rule.V!.Clone());
        var w2 = rule.Step(w1.Clone(), dw2).Clone();
        var fresh = new Adam(1e-3).Step(w.Clone(), dw1).Clone();
        // Gradients the size of Epsilon (1e-8) show where ε goes: added to √v̂, outside the root, as the assignment writes it.
        var tiny = new Adam(1e-3).Step(w.Clone(), dw1 * 1e-8).Clone();
        var observation = new Observation { ["w1"] = w1, ["m1"] = m1, ["v1"] = v1, ["w2"] = w2, ["fresh"] = fresh, ["tiny"] = tiny };
        observation.Set("t", rule.T);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Value("next w (step 1)", student["w1"], expected["w1"])
        .Value("m (step 1)", student["m1"], expected["m1"], weight: 0.5)
        .Value("v (step 1)", student["v1"], expected["v1"], weight: 0.5)
        .Value("next w (step 2)", student["w2"], expected["w2"])
        .Property(student["t"].Item() == expected["t"].Item(), $"T is {student["t"].Item()} after two steps from T = 5; expected {expected["t"].Item()} (increment T once per step, before the bias correction).", weight: 0.5)
        .Value("first step from zero moments", student["fresh"], expected["fresh"])
        .Value("first step with gradients near ε = 1e-8 (w − lr · m̂ / (√v̂ + ε))", student["tiny"], expected["tiny"], weight: 0.5)
        .Verdict;
}
