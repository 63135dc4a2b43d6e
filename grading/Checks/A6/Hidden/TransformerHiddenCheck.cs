using Autograder.Grading.Checks;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A6.Hidden;

/// <summary>
/// The whole Transformer on per-student sizes and head counts (hidden; 1–4 heads, so a model that fixes two heads or mixes
/// d_k and d_v fails), with the reference's AttentionHead when the student's fails.
/// </summary>
internal sealed class TransformerHiddenCheck() : A6Check("a6.transformer_hidden", "The Transformer on unseen sizes and head counts", 1, Visibility.Hidden,
    "Homework.A6.TransformerTranslator.Forward")
{
    protected override IReadOnlyList<Substitution> Substitutes => [AttentionHeadFile, .. TransformerParts];

    public override Observation Probe(ProbeContext context)
    {
        var s = TransformerProbe.Sizes.Draw(context);
        var observation = TransformerForwardCheck.Run(context, s);
        observation["sizes"] = Tensor.FromArray(TransformerProbe.Sizes.Flatten(s), 10);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) =>
        TransformerForwardCheck.Score(student, expected, TransformerProbe.Sizes.Unflatten([.. expected["sizes"].ToArray<double>().Select(x => (int)x)]));
}
