using Autograder.Grading.Checks;
using Autograder.Tensors;
using Autograder.Tensors.Models;
using Homework.A4;

namespace Autograder.Host.Experiments.A4;

/// <summary>
/// The pretrained ResNet as a fixed feature extractor: the student's <c>Freeze</c> freezes it and returns the new final
/// layer's parameters, which alone the optimizer gets. A backbone that moved anyway earns nothing: that is finetuning.
/// </summary>
internal sealed class FreezeExperiment : TransferExperiment
{
    public override CheckInfo Info { get; } = new("a4.freeze_hymenoptera", "A4", "Experiment: a frozen pretrained ResNet with a new final layer on ants and bees, validation accuracy", 5,
        Visibility.Visible, TimeSpan.FromMinutes(60), ["Homework.A4.TransferLearning.Freeze", "Homework.A4.TransferLearning.TrainModel"]);

    protected override (double Floor, double Target) QuickBand => (0.65, 0.75);

    protected override (double Floor, double Target) FullBand => (0.7, 0.88);

    protected override string Scenario => "the frozen backbone";

    public override Verdict Judge(Observation student, Observation expected)
    {
        var change = Evaluate(student, expected).BackboneChange;
        return change == 0 || double.IsNaN(change)
            ? base.Judge(student, expected)
            : Verdict.Fail($"the pretrained weights changed during training (largest change {change:G3}): Freeze must set RequiresGrad = false on every pretrained parameter and return only the new layer's parameters for the optimizer.");
    }

    protected override IReadOnlyList<Tensor> Prepare(ResNet model, int classes, Generator generator) => TransferLearning.Freeze(model, classes, generator);
}
