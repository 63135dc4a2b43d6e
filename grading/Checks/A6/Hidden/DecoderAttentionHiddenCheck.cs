using Autograder.Grading.Checks;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A6.Hidden;

/// <summary>Cosine-similarity attention and a decoder step with attention on per-student sizes (hidden).</summary>
internal sealed class DecoderAttentionHiddenCheck() : A6Check("a6.decoder_attention_hidden", "Decoder attention on unseen sizes and lengths", 0.75, Visibility.Hidden,
    "Homework.A6.Decoder.ComputeAttention", "Homework.A6.Decoder.Forward")
{
    public override Observation Probe(ProbeContext context)
    {
        var sizes = Seq2SeqProbe.Sizes.Draw(context, equal: true);
        var observation = DecoderAttentionCheck.Run(context, sizes);
        observation["sizes"] = Tensor.FromArray(Seq2SeqProbe.Sizes.Flatten(sizes), 8);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) =>
        DecoderAttentionCheck.Score(student, expected, Seq2SeqProbe.Sizes.Unflatten([.. expected["sizes"].ToArray<double>().Select(x => (int)x)]));
}
