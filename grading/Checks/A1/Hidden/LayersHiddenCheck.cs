using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>
/// The layers and update rules on per-student shapes (hidden): FcForward, ReLU forward and backward, the softmax loss (one
/// row of scores 900 apart), and two steps of SGD with momentum and of Adam (the first on gradients the size of ε). An equal share each; a part that is still a stub
/// counts as missing, and one that throws as failed, while the others are graded.
/// </summary>
internal sealed class LayersHiddenCheck() : A1Check("a1.layers_hidden", "Layers and update rules on unseen shapes", 2, Visibility.Hidden,
    "Homework.A1.Layers.FcForward", "Homework.A1.Layers.ReluForward", "Homework.A1.Layers.ReluBackward", "Homework.A1.Layers.SoftmaxLoss",
    "Homework.A1.SgdMomentum.Step", "Homework.A1.Adam.Step")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    /// <summary>Update rules change the weights they are given (in place is as right as a new tensor).</summary>
    protected override bool UpdatesInputs => true;

    private static readonly (string Prefix, string What, string Member)[] Parts =
    [
        ("fc_", "FcForward", "FcForward"), ("relu_", "ReLU", "ReluForward"), ("softmax_", "SoftmaxLoss", "SoftmaxLoss"),
        ("momentum_", "SgdMomentum", "SgdMomentum.Step"), ("adam_", "Adam", "Adam.Step"),
    ];

    public override Observation Probe(ProbeContext context)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high);
        var (n, d, m) = (Draw(2, 9), Draw(2, 9), Draw(2, 9));
        return CheckParts.Probe(
            isolateFailures: true,
            ("fc_", () =>
            {
                var c = CheckParts.Own(context, 0);
                return new Observation { ["out"] = Layers.FcForward(c.Randn(n, d), c.Randn(d, m), c.Randn(m)).Out };
            }),
            ("relu_", () =>
            {
                var c = CheckParts.Own(context, 1);
                var x = c.Randn(n, d);
                return new Observation { ["out"] = Layers.ReluForward(x.Clone()).Out, ["dx"] = Layers.ReluBackward(c.Randn(n, d), x) };
            }),
            ("softmax_", () =>
            {
                var c = CheckParts.Own(context, 2);
                // The first row spans 900 between its first two classes: only a loss that subtracts each row's maximum stays
                // finite there (not one that exponentiates the raw scores, nor one that subtracts the minimum).
                var spread = new double[n * m];
                (spread[0], spread[1]) = (450, -450);
                var (loss, dx) = Layers.SoftmaxLoss((c.Randn(n, m) * 5.0) + Tensor.FromArray(spread, n, m), c.Randint(0, m, n));
                var observation = new Observation { ["dx"] = dx };
                observation.Set("loss", loss);
                return observation;
            }),
            ("momentum_", () =>
            {
                var c = CheckParts.Own(context, 3);
                var rule = new SgdMomentum(1e-2, 0.9);
                var first = rule.Step(c.Randn(d, m), c.Randn(d, m)).Clone();
                return new Observation { ["w1"] = first, ["w2"] = rule.Step(first.Clone(), c.Randn(d, m)).Clone() };
            }),
            ("adam_", () =>
            {
                var c = CheckParts.Own(context, 4);
                // The first step's gradients are the size of ε, where ε's place (outside the root) shows.
                var rule = new Adam(1e-2);
                var first = rule.Step(c.Randn(d, m), c.Randn(d, m) * 1e-8).Clone();
                return new Observation { ["w1"] = first, ["w2"] = rule.Step(first.Clone(), c.Randn(d, m)).Clone() };
            }));
    }

    public override Verdict Judge(Observation student, Observation expected) => CheckParts.ScoreEqually(student, expected, Parts, CheckParts.ValuesAndGradients);
}
