using Autograder.Grading.Checks;
using Homework.A3;

namespace Autograder.Host.Checks.A3.Hidden;

/// <summary>The LSTM over a sequence on per-student sizes and lengths (hidden).</summary>
internal sealed class LstmSequenceHiddenCheck() : A3Check("a3.lstm_sequence_hidden", "Lstm on unseen sizes and lengths", 2, Visibility.Hidden,
    "Homework.A3.Lstm.Forward", "Homework.A3.Lstm.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    protected override IReadOnlyList<Substitution> Substitutes => [LstmStepFile];

    public override Observation Probe(ProbeContext context) => RnnSequenceHiddenCheck.Sized(context, CellType.Lstm);

    public override Verdict Judge(Observation student, Observation expected) => SequenceProbe.Score(student, expected);
}
