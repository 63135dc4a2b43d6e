using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>The two-layer net's scores, and its loss and gradients without and with regularisation, on set parameters.</summary>
internal sealed class TwoLayerNetCheck() : A1Check("a1.two_layer_net", "TwoLayerNet: scores, loss and gradients (reg 0 and 0.7)", 5,
    "Homework.A1.TwoLayerNet.Loss", "Homework.A1.TwoLayerNet.Scores")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    private static readonly string[] Names = ["W1", "b1", "W2", "b2"];
    private static readonly double[] Regs = [0.0, 0.7];

    protected override IReadOnlyList<Substitution> Substitutes => [LayersFile];

    public override Observation Probe(ProbeContext context) => Run(context, n: 3, d: 5, h: 6, c: 4);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>Runs the net at the given sizes (shared with the hidden check).</summary>
    internal static Observation Run(ProbeContext context, int n, int d, int h, int c)
    {
        var model = new TwoLayerNet(d, h, c, 1e-3, 0, context.Generator);
        foreach (var (name, shape) in new[] { ("W1", new[] { d, h }), ("b1", [h]), ("W2", [h, c]), ("b2", [c]) })
        {
            model.Parameters[name] = context.Randn(shape);
        }

        return ModelLossProbe.Run(model, reg => model.Reg = reg, context.Randn(n, d), context.Randint(0, c, n), Regs, Names);
    }

    /// <summary>Scores 1, each loss 1, each set of four gradients 1 (a quarter per parameter).</summary>
    internal static Verdict Score(Observation student, Observation expected) => ModelLossProbe.Score(student, expected, Regs, Names);
}
