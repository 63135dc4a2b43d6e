using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A2.Hidden;

/// <summary>The ConvNet on per-student sizes (hidden).</summary>
internal sealed class ConvNetHiddenCheck() : A2Check("a2.conv_net_hidden", "ThreeLayerConvNet on unseen sizes", 3, Visibility.Hidden,
    "Homework.A2.ThreeLayerConvNet.Loss", "Homework.A2.ThreeLayerConvNet.Scores")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    protected override IReadOnlyList<Substitution> Substitutes => [StridedConvFile, MaxPoolFile, LayersFile];

    public override Observation Probe(ProbeContext context)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
        return ConvNetCheck.Run(context, n: Draw(2, 5), channels: Draw(1, 3), side: 2 * Draw(2, 5), filters: Draw(2, 4), filterSize: (2 * Draw(0, 2)) + 1, hidden: Draw(3, 8), classes: Draw(2, 6));
    }

    public override Verdict Judge(Observation student, Observation expected) => ConvNetCheck.Score(student, expected);
}
