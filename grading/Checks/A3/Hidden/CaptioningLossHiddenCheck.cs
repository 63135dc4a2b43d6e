using Autograder.Grading.Checks;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A3.Hidden;

/// <summary>
/// CaptioningRnn.Loss for both cores on per-student sizes (hidden): vocabulary 5–12, image features 2–7, word vectors 1–6, a
/// state of 1–6, 1–4 captions of 3–8 tokens, and padding and start words drawn too (a loss that masks index 0 rather than
/// <c>NullToken</c>, or starts from 1 rather than <c>StartToken</c>, shows).
/// </summary>
internal sealed class CaptioningLossHiddenCheck() : A3Check("a3.captioning_loss_hidden", "CaptioningRnn.Loss on unseen sizes and special words", 2, Visibility.Hidden,
    "Homework.A3.CaptioningRnn.Loss")
{
    protected override IReadOnlyList<Substitution> Substitutes => [RnnStepFile, RnnFile, LstmStepFile, LstmFile, TemporalLayersFile];

    public override Observation Probe(ProbeContext context)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
        var vocabulary = Draw(5, 12);
        var nullToken = Draw(0, vocabulary - 1);
        var startToken = (nullToken + Draw(1, vocabulary - 1)) % vocabulary;
        var sizes = new CaptioningModel.Sizes(vocabulary, Draw(2, 7), Draw(1, 6), Draw(1, 6), nullToken, startToken);
        return CaptioningLossCheck.Run(context, sizes, Captions(context, sizes, Draw(1, 4), Draw(3, 8)));
    }

    public override Verdict Judge(Observation student, Observation expected) => CaptioningLossCheck.Score(student, expected);

    /// <summary>
    /// <paramref name="n"/> captions of <paramref name="length"/> tokens: the start word, 1 to length − 1 words (any but the
    /// padding word), then padding.
    /// </summary>
    private static Tensor Captions(ProbeContext context, CaptioningModel.Sizes sizes, int n, int length)
    {
        var tokens = new long[n * length];
        for (var i = 0; i < n; i++)
        {
            var words = context.Generator.NextInt64(1, length);
            for (var t = 0; t < length; t++)
            {
                tokens[(i * length) + t] = t == 0 ? sizes.StartToken
                    : t > words ? sizes.NullToken
                    : (sizes.NullToken + context.Generator.NextInt64(1, sizes.Vocabulary)) % sizes.Vocabulary;
            }
        }

        return Tensor.FromArray(tokens, n, length);
    }
}
