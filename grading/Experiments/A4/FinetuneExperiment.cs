using Autograder.Grading.Checks;
using Autograder.Tensors;
using Autograder.Tensors.Models;
using Homework.A4;

namespace Autograder.Host.Experiments.A4;

/// <summary>Finetuning: the student's <c>Finetune</c> puts a new final layer on the pretrained ResNet and every weight is trained.</summary>
internal sealed class FinetuneExperiment : TransferExperiment
{
    public override CheckInfo Info { get; } = new("a4.finetune_hymenoptera", "A4", "Experiment: finetune a pretrained ResNet on ants and bees, validation accuracy", 5,
        Visibility.Visible, TimeSpan.FromMinutes(60), ["Homework.A4.TransferLearning.Finetune", "Homework.A4.TransferLearning.TrainModel"]);

    protected override (double Floor, double Target) QuickBand => (0.65, 0.75);

    protected override (double Floor, double Target) FullBand => (0.7, 0.88);

    protected override string Scenario => "finetuning";

    protected override IReadOnlyList<Tensor> Prepare(ResNet model, int classes, Generator generator) =>
        [.. TransferLearning.Finetune(model, classes, generator).Parameters()];
}
