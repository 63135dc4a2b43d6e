using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A3.Hidden;

/// <summary>
/// Greedy sampling with both decoders on per-student sizes (hidden): batch, regions, vocabulary and attention size drawn
/// from the seed, word vectors of 4–8 and a state of 12–20 (wide enough that captions change word by word).
/// </summary>
internal sealed class DecoderSampleHiddenCheck() : A3Check("a3.decoder_sample_hidden", "LstmDecoder.Sample and AttentionDecoder.Sample on unseen sizes", 1, Visibility.Hidden,
    "Homework.A3.LstmDecoder.Sample", "Homework.A3.AttentionDecoder.Sample")
{
    protected override IReadOnlyList<Substitution> Substitutes => [AdditiveAttentionFile];

    public override Observation Probe(ProbeContext context)
    {
        var sizes = DecoderProbe.Sizes.Draw(context) with { W = (int)context.Generator.NextInt64(4, 9), H = (int)context.Generator.NextInt64(12, 21) };
        return DecoderSampleCheck.Run(context, sizes);
    }

    public override Verdict Judge(Observation student, Observation expected) => DecoderSampleCheck.Score(student, expected);
}
