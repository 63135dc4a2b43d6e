using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A3.Hidden;

/// <summary>The attention decoder on per-student sizes: batch, length, regions, vocabulary and every dimension drawn from the seed (hidden).</summary>
internal sealed class AttentionDecoderHiddenCheck() : A3Check("a3.attention_decoder_hidden", "AttentionDecoder on unseen sizes", 2, Visibility.Hidden,
    "Homework.A3.AttentionDecoder.Step", "Homework.A3.AttentionDecoder.Forward")
{
    protected override IReadOnlyList<Substitution> Substitutes => [AdditiveAttentionFile];

    public override Observation Probe(ProbeContext context) => AttentionDecoderCheck.Run(context, DecoderProbe.Sizes.Draw(context));

    public override Verdict Judge(Observation student, Observation expected) => AttentionDecoderCheck.Score(student, expected, Sizes(expected));

    private static DecoderProbe.Sizes Sizes(Observation expected)
    {
        var v = expected["sizes"].ToArray<double>().Select(x => (int)x).ToArray();
        return new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }
}
