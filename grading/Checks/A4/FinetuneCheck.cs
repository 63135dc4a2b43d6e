using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A4;

namespace Autograder.Host.Checks.A4;

/// <summary>TransferLearning.Finetune on a small ResNet: a new final layer to the new classes, the pretrained weights kept, everything trainable.</summary>
internal sealed class FinetuneCheck() : A4Check("a4.finetune", "TransferLearning.Finetune: a new final layer, every parameter trainable", 1, "Homework.A4.TransferLearning.Finetune")
{
    public const string Trainable = "Finetuning trains every parameter: none of the pretrained ones may be frozen (RequiresGrad must stay true).";
    public const string Kept = "The pretrained weights must be kept as they are: only the final layer is new.";

    public override Observation Probe(ProbeContext context) => Run(context, TransferProbe.Classes);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>Finetunes a small ResNet to <paramref name="classes"/> classes and records its scores and the two properties.</summary>
    public static Observation Run(ProbeContext context, int classes)
    {
        var model = TransferProbe.SmallResNet(context.Seed);
        var before = model.StateDict();
        var returned = TransferLearning.Finetune(model, classes, new Generator(7));
        returned.Eval();
        using var scope = Tensor.NoGrad();
        var observation = new Observation { ["scores"] = returned.Call(TransferProbe.Images(context, 4)).To(DType.Float64) };
        var (head, backbone) = TransferProbe.Split(returned);
        observation.Set("all_trainable", head.Concat(backbone).All(p => p.Parameter.RequiresGrad) ? 1 : 0);
        observation.Set("backbone_kept", TransferProbe.BackboneUnchanged(returned, before) ? 1 : 0);
        return observation;
    }

    public static Verdict Score(Observation student, Observation expected)
    {
        var (scores, wanted) = (student["scores"], expected["scores"]);
        if (!scores.Shape.SequenceEqual(wanted.Shape))
        {
            return Verdict.Fail($"The model's output should be ({string.Join(", ", wanted.Shape.ToArray())}): scores for the {wanted.Shape[1]} new classes; got ({string.Join(", ", scores.Shape.ToArray())}). Replace the final layer: model.Fc = new Linear(ResNet.FeatureCount, classes, generator: generator).");
        }

        return new Scorecard()
            .Property(student["all_trainable"].Item() == 1, Trainable)
            .Property(student["backbone_kept"].Item() == 1, Kept)
            .Value("the new model's scores on four images (the new layer initialised from the generator given)", scores, wanted, weight: 2, tolerance: 1e-6)
            .Verdict;
    }
}
