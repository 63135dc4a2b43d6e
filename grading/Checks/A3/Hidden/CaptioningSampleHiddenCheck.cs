using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A3.Hidden;

/// <summary>
/// CaptioningRnn.Sample on per-student sizes (hidden): vocabulary 6–12, image features 3–8, word vectors 6–10, a state of
/// 12–20 (wide enough that captions change word by word), 2–5 images and 5–9 words.
/// </summary>
internal sealed class CaptioningSampleHiddenCheck() : A3Check("a3.captioning_sample_hidden", "CaptioningRnn.Sample on unseen sizes", 1, Visibility.Hidden,
    "Homework.A3.CaptioningRnn.Sample")
{
    protected override IReadOnlyList<Substitution> Substitutes => [RnnStepFile, LstmStepFile, TemporalLayersFile];

    public override Observation Probe(ProbeContext context)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
        var sizes = new CaptioningModel.Sizes(Draw(6, 12), Draw(3, 8), Draw(6, 10), Draw(12, 20));
        return CaptioningSampleCheck.Run(context, sizes, captions: Draw(2, 5), length: Draw(5, 9));
    }

    public override Verdict Judge(Observation student, Observation expected) => CaptioningSampleCheck.Score(student, expected);
}
