using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A3.Hidden;

/// <summary>
/// Additive attention and the LSTM decoder on per-student sizes (hidden; batch, length, regions, vocabulary and every
/// dimension drawn as for the attention decoder's hidden check): values, attention weights, gradients and dropout, as in their
/// public checks. Half the points each; one that throws costs only its half.
/// </summary>
internal sealed class DecodersHiddenCheck() : A3Check("a3.decoders_hidden", "AdditiveAttention and LstmDecoder on unseen sizes", 2, Visibility.Hidden,
    "Homework.A3.AdditiveAttention.Keys", "Homework.A3.AdditiveAttention.Forward",
    "Homework.A3.LstmDecoder.Start", "Homework.A3.LstmDecoder.Step", "Homework.A3.LstmDecoder.Forward")
{
    private const string SizesName = "sizes";

    public override Observation Probe(ProbeContext context)
    {
        var sizes = DecoderProbe.Sizes.Draw(context);
        return CheckParts.Probe(
            isolateFailures: true,
            ("attention_", () => WithSizes(AdditiveAttentionCheck.Run(CheckParts.Own(context, 0), sizes), sizes)),
            ("decoder_", () => WithSizes(LstmDecoderCheck.Run(CheckParts.Own(context, 1), sizes), sizes)));
    }

    public override Verdict Judge(Observation student, Observation expected) => CheckParts.ScoreEqually(student, expected,
    [
        ("attention_", "AdditiveAttention", "AdditiveAttention.Forward", (s, e) => AdditiveAttentionCheck.Score(s, e, Sizes(e))),
        ("decoder_", "LstmDecoder", "LstmDecoder.Forward", (s, e) => LstmDecoderCheck.Score(s, e, Sizes(e))),
    ]);

    private static Observation WithSizes(Observation observation, DecoderProbe.Sizes s)
    {
        observation[SizesName] = Tensor.FromArray(new double[] { s.N, s.T, s.L, s.V, s.F, s.W, s.H, s.A }, 8);
        return observation;
    }

    private static DecoderProbe.Sizes Sizes(Observation expected)
    {
        var v = expected[SizesName].ToArray<double>().Select(x => (int)x).ToArray();
        return new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }
}
