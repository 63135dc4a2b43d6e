using Autograder.Grading.Checks;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A6.Hidden;

/// <summary>
/// The whole translator on per-student sizes, vocabularies and lengths (hidden): an RNN without attention and an LSTM with
/// attention, with the reference's encoder and decoder when the student's fail.
/// </summary>
internal sealed class Seq2SeqHiddenCheck() : A6Check("a6.seq2seq_hidden", "Seq2Seq on unseen sizes and lengths", 0.75, Visibility.Hidden,
    "Homework.A6.Seq2Seq.Forward")
{
    protected override IReadOnlyList<Substitution> Substitutes => [EncoderFile, DecoderFile];

    public override Observation Probe(ProbeContext context)
    {
        var (plain, attending) = (Seq2SeqProbe.Sizes.Draw(context, equal: false), Seq2SeqProbe.Sizes.Draw(context, equal: true));
        var observation = Seq2SeqCheck.Run(context, plain, attending);
        observation["sizes"] = Tensor.FromArray(Seq2SeqProbe.Sizes.Flatten(plain).Concat(Seq2SeqProbe.Sizes.Flatten(attending)).ToArray(), 16);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var v = expected["sizes"].ToArray<double>().Select(x => (int)x).ToArray();
        return Seq2SeqCheck.Score(student, expected, Seq2SeqProbe.Sizes.Unflatten(v[..8]), Seq2SeqProbe.Sizes.Unflatten(v[8..]));
    }
}
