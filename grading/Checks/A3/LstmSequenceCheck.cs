using Autograder.Grading.Checks;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>The LSTM over a sequence: h_1 … h_T from h0 and a zero cell, and backpropagation through time (graded with the reference's step when the student's step fails).</summary>
internal sealed class LstmSequenceCheck() : A3Check("a3.lstm_sequence", "Lstm: forward over T steps and backpropagation through time", 4,
    "Homework.A3.Lstm.Forward", "Homework.A3.Lstm.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    protected override IReadOnlyList<Substitution> Substitutes => [LstmStepFile];

    public override Observation Probe(ProbeContext context) => SequenceProbe.Run(context, CellType.Lstm, n: 3, t: 5, d: 4, h: 6);

    public override Verdict Judge(Observation student, Observation expected) => SequenceProbe.Score(student, expected);
}
