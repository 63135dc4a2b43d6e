using Autograder.Grading.Checks;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A6.Hidden;

/// <summary>One attention head on per-student sizes (hidden): d_k and d_v drawn apart, T from 2 to 8.</summary>
internal sealed class AttentionHeadHiddenCheck() : A6Check("a6.attention_head_hidden", "AttentionHead on unseen sizes", 0.5, Visibility.Hidden,
    "Homework.A6.AttentionHead.Weights", "Homework.A6.AttentionHead.Forward")
{
    public override Observation Probe(ProbeContext context)
    {
        var s = TransformerProbe.Sizes.Draw(context);
        var observation = AttentionHeadCheck.Run(context, s);
        observation["sizes"] = Tensor.FromArray(TransformerProbe.Sizes.Flatten(s), 10);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) =>
        AttentionHeadCheck.Score(student, expected, TransformerProbe.Sizes.Unflatten([.. expected["sizes"].ToArray<double>().Select(x => (int)x)]));
}
