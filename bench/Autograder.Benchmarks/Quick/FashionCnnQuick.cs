using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;

namespace Autograder.Benchmarks.Quick;

/// <summary>Quick training (or evaluation) throughput of the Fashion-MNIST CNN of DESIGN.md (A2) on random 28×28 data.</summary>
internal static class FashionCnnQuick
{
    public static string Run(QuickOptions options)
    {
        Init.ManualSeed(0);
        var model = FashionCnn.Create();
        var optimizer = new SGD(model.Parameters(), lr: 0.01, momentum: 0.9);
        var gen = new Generator(1);
        var batch = options.Batch;
        var x = Tensor.Randn(gen, [batch, 1, 28, 28]);
        var y = Tensor.Randint(gen, 0, 10, [batch]);
        var step = TrainingStep.For(model, optimizer, x, y, options.Eval, (scores, labels) => Functional.NllLoss(scores, labels));
        var seconds = Timing.MedianSeconds(step, options.Seconds);
        return Json.Object(("case", "fashion-cnn"), ("mode", options.Eval ? "eval" : "train"), ("batch", batch), ("img_per_s", Math.Round(batch / seconds)));
    }
}
