using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A4;

namespace Autograder.Host.Checks.A4;

/// <summary>
/// TransferLearning.Freeze on a small ResNet: the pretrained parameters frozen, a new trainable final layer, and only its
/// parameters returned for the optimizer; after one SGD step the backbone has not moved (a deterministic check, not a number).
/// </summary>
internal sealed class FreezeCheck() : A4Check("a4.freeze", "TransferLearning.Freeze: the backbone frozen, only the new layer trained", 1.5, "Homework.A4.TransferLearning.Freeze")
{
    public const string Frozen = "Every pretrained parameter must be frozen (RequiresGrad = false); the new final layer's must not.";
    public const string OnlyHead = "The optimizer must be given the new final layer's parameters and no others (return model.Fc.Parameters()).";
    public const string Moved = "After a training step the backbone's weights changed: it is not frozen.";

    public override Observation Probe(ProbeContext context) => Run(context, TransferProbe.Classes);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>Freezes a small ResNet for <paramref name="classes"/> classes, takes one SGD step with what Freeze returned, and records the properties and the new layer.</summary>
    public static Observation Run(ProbeContext context, int classes)
    {
        var model = TransferProbe.SmallResNet(context.Seed);
        var before = model.StateDict();
        var trainable = TransferLearning.Freeze(model, classes, new Generator(7));
        var (head, backbone) = TransferProbe.Split(model);
        var observation = new Observation();
        observation.Set("frozen", backbone.All(p => !p.Parameter.RequiresGrad) && head.Count > 0 && head.All(p => p.Parameter.RequiresGrad) ? 1 : 0);
        observation.Set("only_head", trainable.Count == head.Count && trainable.All(t => head.Any(h => ReferenceEquals(h.Parameter, t))) ? 1 : 0);

        model.Train();
        var optimizer = new SGD(trainable, lr: 0.5);
        optimizer.ZeroGrad();
        Functional.CrossEntropy(model.Call(TransferProbe.Images(context, 4)), context.Randint(0, classes, 4)).Backward();
        optimizer.Step();
        observation.Set("backbone_kept", TransferProbe.BackboneUnchanged(model, before) ? 1 : 0);
        observation["head_after_step"] = Tensor.Cat([.. head.Select(h => h.Parameter.Detach().Reshape(-1))]).To(DType.Float64);
        return observation;
    }

    public static Verdict Score(Observation student, Observation expected)
    {
        var (head, wanted) = (student["head_after_step"], expected["head_after_step"]);
        var card = new Scorecard()
            .Property(student["frozen"].Item() == 1, Frozen)
            .Property(student["only_head"].Item() == 1, OnlyHead)
            .Property(student["backbone_kept"].Item() == 1, Moved);
        return (head.Shape.SequenceEqual(wanted.Shape)
            ? card.Value("the new layer's weights after one SGD step", head, wanted, tolerance: 1e-6)
            : card.Property(false, $"The new final layer should have {wanted.Shape[0]} values (Linear(512, {(wanted.Shape[0] / 513)})); it has {head.Shape[0]}.")).Verdict;
    }
}
