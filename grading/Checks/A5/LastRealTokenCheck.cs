using Autograder.Grading.Checks;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>SequencePooling.LastRealToken on sentences of lengths 1 … T: the vector at position length − 1, and its gradient.</summary>
internal sealed class LastRealTokenCheck() : A5Check("a5.last_real_token", "SequencePooling.LastRealToken: the state at each sentence's last real word", 1, "Homework.A5.SequencePooling.LastRealToken")
{
    public const string Mistake = "The result is the vector at the last, padded, position T − 1: take each sentence's position length − 1.";

    public override Observation Probe(ProbeContext context) => PoolingProbe.Run(context, SentenceProbe.Public, SequencePooling.LastRealToken, (v, _) => v.Select(1, v.Shape[1] - 1));

    public override Verdict Judge(Observation student, Observation expected) => PoolingProbe.Score(student, expected, "the last real word's vectors (N, H)", Mistake);
}
