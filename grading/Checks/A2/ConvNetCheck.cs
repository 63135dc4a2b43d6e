using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Homework.A2;

namespace Autograder.Host.Checks.A2;

/// <summary>The three-layer ConvNet's scores, and its loss and six gradients without and with regularisation, on set parameters.</summary>
internal sealed class ConvNetCheck() : A2Check("a2.conv_net", "ThreeLayerConvNet: scores, loss and gradients (reg 0 and 0.5)", 5,
    "Homework.A2.ThreeLayerConvNet.Loss", "Homework.A2.ThreeLayerConvNet.Scores")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    private static readonly string[] Names = ["W1", "b1", "W2", "b2", "W3", "b3"];
    private static readonly double[] Regs = [0.0, 0.5];

    protected override IReadOnlyList<Substitution> Substitutes => [StridedConvFile, MaxPoolFile, LayersFile];

    public override Observation Probe(ProbeContext context) => Run(context, n: 3, channels: 2, side: 6, filters: 3, filterSize: 3, hidden: 5, classes: 4);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>Runs the net at the given sizes (shared with the hidden check).</summary>
    internal static Observation Run(ProbeContext context, int n, int channels, int side, int filters, int filterSize, int hidden, int classes)
    {
        var model = new ThreeLayerConvNet((channels, side, side), filters, filterSize, hidden, classes, 1e-3, 0, new Generator(context.Seed));
        var pooled = filters * (side / 2) * (side / 2);
        var shapes = new[] { new[] { filters, channels, filterSize, filterSize }, [filters], [pooled, hidden], [hidden], [hidden, classes], [classes] };
        for (var i = 0; i < Names.Length; i++)
        {
            model.Parameters[Names[i]] = context.Randn(shapes[i]) * (i == 2 ? 0.3 : 1.0);
        }

        return ModelLossProbe.Run(model, reg => model.Reg = reg, context.Randn(n, channels, side, side), context.Randint(0, classes, n), Regs, Names);
    }

    /// <summary>Scores 1, each loss 1, each set of gradients 1 (shared with the hidden check).</summary>
    internal static Verdict Score(Observation student, Observation expected) => ModelLossProbe.Score(student, expected, Regs, Names);
}
