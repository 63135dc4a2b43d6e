using Autograder.Grading.Checks;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>SequencePooling.Average on vectors whose padded positions are not zero: the mean over the real words only, and its gradient.</summary>
internal sealed class AveragePoolingCheck() : A5Check("a5.average_pooling", "SequencePooling.Average: the mean over real words, padding excluded", 1, "Homework.A5.SequencePooling.Average")
{
    public const string Mistake = "The result is the mean over all T positions: divide by each sentence's length and leave the padded positions out of the sum.";

    public override Observation Probe(ProbeContext context) => PoolingProbe.Run(context, SentenceProbe.Public, SequencePooling.Average, (v, _) => v.Mean(1));

    public override Verdict Judge(Observation student, Observation expected) => PoolingProbe.Score(student, expected, "the averaged vectors (N, D)", Mistake);
}
