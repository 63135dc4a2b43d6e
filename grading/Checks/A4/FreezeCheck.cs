using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Autograder.Tensors.Models;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A4;

namespace Autograder.Host.Checks.A4;

/// <summary>
/// TransferLearning.Freeze on a small ResNet: the pretrained parameters frozen, a new trainable final layer, and only its
/// parameters returned for the optimizer; after one SGD step the backbone has not moved (a deterministic check, not a number)
/// and the new layer has taken that step from its own initial values (any initialisation is allowed).
/// </summary>
internal sealed class FreezeCheck() : A4Check("a4.freeze", "TransferLearning.Freeze: the backbone frozen, only the new layer trained", 1.5, "Homework.A4.TransferLearning.Freeze")
{
    public const string Frozen = "Every pretrained parameter must be frozen (RequiresGrad = false); the new final layer's must not.";
    public const string OnlyHead = "The optimizer must be given the new final layer's parameters and no others (return model.Fc.Parameters()).";
    public const string Moved = "After a training step the backbone's weights changed: it is not frozen.";
    public const string NotTrained = "After one SGD step the new final layer does not hold its values before the step minus the step on the cross-entropy of its scores on the pretrained features: is the new layer model.Fc, and is it what the model uses?";

    private const double Rate = 0.5;

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
        var (images, labels) = (TransferProbe.Images(context, 4), context.Randint(0, classes, 4));
        var start = head.Select(h => h.Parameter.Detach().To(DType.Float64).Clone()).ToList();
        Tensor features;
        using (Tensor.NoGrad())
        {
            features = model.Features(images).To(DType.Float64);
        }

        var optimizer = new SGD(trainable, lr: Rate);
        optimizer.ZeroGrad();
        Functional.CrossEntropy(model.Call(images), labels).Backward();
        optimizer.Step();
        observation.Set("backbone_kept", TransferProbe.BackboneUnchanged(model, before) ? 1 : 0);
        var after = Tensor.Cat([.. head.Select(h => h.Parameter.Detach().To(DType.Float64).Reshape(-1))]);
        observation["head_size"] = Tensor.FromArray(new double[] { after.Shape[0] }, 1);
        var stepped = start.Count == 2 && start[0].Dim == 2 && start[0].Shape[1] == ResNet.FeatureCount
            && TransferProbe.SgdStep(start[0], start[1], features, labels, Rate).AllClose(after, 1e-4, 1e-6);
        observation.Set("new_layer_trained", stepped ? 1 : 0);
        return observation;
    }

    public static Verdict Score(Observation student, Observation expected)
    {
        var (size, wanted) = (student["head_size"].Item(), expected["head_size"].Item());
        var card = new Scorecard()
            .Property(student["frozen"].Item() == 1, Frozen)
            .Property(student["only_head"].Item() == 1, OnlyHead)
            .Property(student["backbone_kept"].Item() == 1, Moved);
        return (size == wanted
            ? card.Property(student["new_layer_trained"].Item() == 1, NotTrained)
            : card.Property(false, $"The new final layer should have {wanted} values (Linear(512, {wanted / 513})); it has {size}.")).Verdict;
    }
}
