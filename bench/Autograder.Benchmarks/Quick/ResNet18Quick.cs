using Autograder.Tensors;
using Autograder.Tensors.Models;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;

namespace Autograder.Benchmarks.Quick;

/// <summary>
/// Quick training (or evaluation) throughput of ResNet-18 (torchvision's [2, 2, 2, 2], a two-class head, as A4 finetunes it)
/// on random 224×224 images: forward, cross-entropy, backward and an SGD step with momentum 0.9, batch norm in training mode.
/// </summary>
internal static class ResNet18Quick
{
    public static string Run(QuickOptions options)
    {
        var model = ResNet.ResNet18(classes: 2, generator: new Generator(0));
        var optimizer = new SGD(model.Parameters(), lr: 0.001, momentum: 0.9);
        var gen = new Generator(1);
        var batch = options.Batch;
        var x = Tensor.Randn(gen, [batch, 3, 224, 224]);
        var y = Tensor.Randint(gen, 0, 2, [batch]);
        var step = TrainingStep.For(model, optimizer, x, y, options.Eval, (scores, labels) => Functional.CrossEntropy(scores, labels));
        var seconds = Timing.MedianSeconds(step, options.Seconds, minRuns: 5);
        return Json.Object(("case", "resnet18"), ("mode", options.Eval ? "eval" : "train"), ("batch", batch), ("img_per_s", Math.Round(batch / seconds, 1)));
    }
}
