using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A1;

/// <summary>The two-layer net on per-student sizes and values (hidden).</summary>
internal sealed class TwoLayerNetHiddenCheck() : A1Check("a1.two_layer_net_hidden", "TwoLayerNet on unseen sizes", 3, Visibility.Hidden,
    "Homework.A1.TwoLayerNet.Loss", "Homework.A1.TwoLayerNet.Scores")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    protected override IReadOnlyList<Substitution> Substitutes => [LayersFile];

    public override Observation Probe(ProbeContext context)
    {
        int Size() => (int)context.Generator.NextInt64(2, 12);
        return TwoLayerNetCheck.Run(context, Size(), Size(), Size(), Size());
    }

    public override Verdict Judge(Observation student, Observation expected) => TwoLayerNetCheck.Score(student, expected);
}
