using Autograder.Grading.Checks;
using Homework.A3;

namespace Autograder.Host.Checks.A3.Hidden;

/// <summary>The RNN over a sequence on per-student sizes and lengths (hidden).</summary>
internal sealed class RnnSequenceHiddenCheck() : A3Check("a3.rnn_sequence_hidden", "Rnn on unseen sizes and lengths", 2, Visibility.Hidden,
    "Homework.A3.Rnn.Forward", "Homework.A3.Rnn.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    protected override IReadOnlyList<Substitution> Substitutes => [RnnStepFile];

    public override Observation Probe(ProbeContext context) => Sized(context, CellType.Rnn);

    public override Verdict Judge(Observation student, Observation expected) => SequenceProbe.Score(student, expected);

    /// <summary>Sizes drawn from the student's seed: N 1–4, T 1–8, D 1–6, H 1–7.</summary>
    internal static Observation Sized(ProbeContext context, CellType cell)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
        return SequenceProbe.Run(context, cell, Draw(1, 4), Draw(1, 8), Draw(1, 6), Draw(1, 7));
    }
}
