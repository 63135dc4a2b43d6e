using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A4;

namespace Autograder.Host.Checks.A4;

/// <summary>
/// TransferLearning.Finetune on a small ResNet: a new final layer to the new classes, the pretrained weights kept, everything
/// trainable. The new layer's initial values are not compared with the reference's (any initialisation is allowed): the scores
/// must be that layer, whatever its values, applied to the pretrained features.
/// </summary>
internal sealed class FinetuneCheck() : A4Check("a4.finetune", "TransferLearning.Finetune: a new final layer, every parameter trainable", 1, "Homework.A4.TransferLearning.Finetune")
{
    public const string Trainable = "Finetuning trains every parameter: none of the pretrained ones may be frozen (RequiresGrad must stay true).";
    public const string Kept = "The pretrained weights must be kept as they are: only the final layer is new.";

    public override Observation Probe(ProbeContext context) => Run(context, TransferProbe.Classes);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>
    /// Finetunes a small ResNet to <paramref name="classes"/> classes and records its scores, the two properties, and whether
    /// the scores are the new layer applied to the pretrained features (with the student's own initial values: how the new
    /// layer is initialised is theirs to choose).
    /// </summary>
    public static Observation Run(ProbeContext context, int classes)
    {
        var model = TransferProbe.SmallResNet(context.Seed);
        var before = model.StateDict();
        var returned = TransferLearning.Finetune(model, classes, new Generator(7));
        returned.Eval();
        using var scope = Tensor.NoGrad();
        var images = TransferProbe.Images(context, 4);
        var scores = returned.Call(images).To(DType.Float64);
        var observation = new Observation { ["scores_shape"] = Tensor.FromArray(scores.Shape.ToArray().Select(d => (double)d).ToArray(), scores.Dim) };
        var (head, backbone) = TransferProbe.Split(returned);
        observation.Set("all_trainable", head.Concat(backbone).All(p => p.Parameter.RequiresGrad) ? 1 : 0);
        observation.Set("backbone_kept", TransferProbe.BackboneUnchanged(returned, before) ? 1 : 0);
        observation.Set("linear_on_features", TransferProbe.LinearOnFeatures(returned, images, scores) ? 1 : 0);
        return observation;
    }

    public static Verdict Score(Observation student, Observation expected)
    {
        var (shape, wanted) = (Shape(student["scores_shape"]), Shape(expected["scores_shape"]));
        if (!shape.SequenceEqual(wanted))
        {
            return Verdict.Fail($"The model's output should be ({string.Join(", ", wanted)}): scores for the {wanted[1]} new classes; got ({string.Join(", ", shape)}). Replace the final layer: model.Fc = new Linear(ResNet.FeatureCount, classes, generator: generator).");
        }

        return new Scorecard()
            .Property(student["all_trainable"].Item() == 1, Trainable)
            .Property(student["backbone_kept"].Item() == 1, Kept)
            .Property(student["linear_on_features"].Item() == 1, TransferProbe.NotLinearOnFeatures, weight: 2)
            .Verdict;
    }

    private static long[] Shape(Tensor dimensions) => [.. dimensions.ToArray<double>().Select(d => (long)d)];
}
