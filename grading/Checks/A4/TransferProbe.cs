using Autograder.Grading.Checks;
using Autograder.Tensors;
using Autograder.Tensors.Models;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A4;

namespace Autograder.Host.Checks.A4;

/// <summary>
/// What the transfer-learning checks run: a small ResNet ([1, 1, 1, 1] blocks, random weights, 32 × 32 images) for the
/// finetune and freeze set-ups, and a small convolutional network with batch norm on two classes of 8 × 8 images for the
/// training loop, seeded so that the best validation epoch is neither the last nor tied (a loop that keeps the last
/// epoch's weights, or validates in training mode, gives other numbers).
/// </summary>
internal static class TransferProbe
{
    public const int Classes = 3;

    /// <summary>A small ResNet with random weights, the same for the student's run and the reference's.</summary>
    public static ResNet SmallResNet(long seed) => new([1, 1, 1, 1], classes: 0, ResNetPadding.Symmetric, new Generator(seed));

    public static Tensor Images(ProbeContext context, int n) => context.Randn(n, 3, 32, 32).To(DType.Float32);

    /// <summary>The parameters whose names start with "fc." and the others, with their names.</summary>
    public static (List<(string Name, Tensor Parameter)> Head, List<(string Name, Tensor Parameter)> Backbone) Split(Module model)
    {
        var all = model.NamedParameters().ToList();
        return ([.. all.Where(p => p.Name.StartsWith("fc.", StringComparison.Ordinal))], [.. all.Where(p => !p.Name.StartsWith("fc.", StringComparison.Ordinal))]);
    }

    /// <summary>Whether every backbone parameter still holds the values it had before (<paramref name="before"/>: a state dict).</summary>
    public static bool BackboneUnchanged(Module model, IReadOnlyDictionary<string, Tensor> before) =>
        Split(model).Backbone.All(p => before.TryGetValue(p.Name, out var old) && old.AllClose(p.Parameter.Detach(), 0, 0));

    /// <summary>What <see cref="LinearOnFeatures"/> failing means, for the message.</summary>
    public const string NotLinearOnFeatures = "The model's scores are not one linear layer (Linear(512, classes), the model's fc) applied to the pretrained network's 512 features: replace model.Fc with the new layer, do not add one after it.";

    /// <summary>
    /// Whether <paramref name="scores"/> are the model's final layer applied to its pooled features, with that layer's own
    /// weights (so any initialisation passes, but a layer appended after the old one, or a model that does not use its new
    /// layer, does not).
    /// </summary>
    public static bool LinearOnFeatures(Module model, Tensor images, Tensor scores)
    {
        var (head, _) = Split(model);
        if (model is not ResNet resnet || head.Count != 2 || head[0].Parameter.Dim != 2 || head[0].Parameter.Shape[1] != ResNet.FeatureCount)
        {
            return false;
        }

        using var scope = Tensor.NoGrad();
        var (weight, bias) = (head[0].Parameter.To(DType.Float64), head[1].Parameter.To(DType.Float64));
        var linear = resnet.Features(images).To(DType.Float64).MatMul(weight.T) + bias;
        return linear.Shape.SequenceEqual(scores.Shape) && linear.AllClose(scores, 1e-4, 1e-5);
    }

    /// <summary>
    /// The final layer's weight and bias after one SGD step of rate <paramref name="rate"/> on the cross-entropy of
    /// <paramref name="labels"/>, from its values <paramref name="weight"/> and <paramref name="bias"/> before the step and the
    /// backbone's <paramref name="features"/> (float64): W − rate · (softmax − one-hot)ᵀ φ / N, and the same for b.
    /// </summary>
    public static Tensor SgdStep(Tensor weight, Tensor bias, Tensor features, Tensor labels, double rate)
    {
        var n = features.Shape[0];
        var dscores = ((features.MatMul(weight.T) + bias).Softmax(1) - labels.OneHot((int)weight.Shape[0]).To(DType.Float64)) / n;
        return Tensor.Cat([(weight - (dscores.T.MatMul(features) * rate)).Reshape(-1), (bias - (dscores.Sum(0) * rate)).Reshape(-1)]);
    }

    /// <summary>The training-loop probe's data and network (seeded; the best validation epoch is unique and not the last).</summary>
    public sealed class LoopSetup
    {
        private const int Seed = 9;

        public LoopSetup()
        {
            var g = new Generator(Seed);
            (TrainX, TrainY) = Data(g, 32);
            (ValX, ValY) = Data(g, 16);
            Model = new Sequential(new Conv2d(3, 4, 3, 1, 1, generator: new Generator(Seed + 100), dtype: DType.Float64), new BatchNorm2d(4, dtype: DType.Float64), new ReLU(),
                new AdaptiveAvgPool2d(1), new Flatten(), new Linear(4, 2, generator: new Generator(Seed + 200), dtype: DType.Float64));
            Optimizer = new SGD(Model.Parameters(), lr: 0.5, momentum: 0.9);
            Scheduler = new StepLR(Optimizer, 3, 0.5);
        }

        public const int Epochs = 6;

        public Tensor TrainX { get; }

        public Tensor TrainY { get; }

        public Tensor ValX { get; }

        public Tensor ValY { get; }

        public Sequential Model { get; }

        public SGD Optimizer { get; }

        public StepLR Scheduler { get; }

        public static IEnumerable<(Tensor Images, Tensor Labels)> Batches(Tensor x, Tensor y)
        {
            for (var i = 0; i < x.Shape[0]; i += 8)
            {
                yield return (x.Narrow(0, i, 8), y.Narrow(0, i, 8));
            }
        }

        /// <summary>The accuracy of the model as it is now on the validation images, in evaluation mode.</summary>
        public double ValidationAccuracy()
        {
            Model.Eval();
            using var scope = Tensor.NoGrad();
            return Model.Call(ValX).ArgMax(1).Eq(ValY).To(DType.Float64).Mean().Item();
        }

        /// <summary>Two classes of noisy images: class 1 has a brighter 4 × 4 centre.</summary>
        private static (Tensor X, Tensor Y) Data(Generator g, int n)
        {
            var y = Tensor.Randint(g, 0, 2, [n]);
            var x = Tensor.Randn(g, [n, 3, 8, 8], DType.Float64);
            var bump = Tensor.Zeros([1, 1, 8, 8], DType.Float64);
            bump.Narrow(2, 2, 4).Narrow(3, 2, 4).CopyFrom(Tensor.Ones([1, 1, 4, 4], DType.Float64) * 0.8);
            return (x + (bump * y.To(DType.Float64).Reshape(n, 1, 1, 1)), y);
        }
    }

    /// <summary>Runs TrainModel on the loop set-up and records the history, the final weights and the final model's validation accuracy.</summary>
    public static Observation Loop()
    {
        var setup = new LoopSetup();
        var history = TransferLearning.TrainModel(setup.Model, () => LoopSetup.Batches(setup.TrainX, setup.TrainY), () => LoopSetup.Batches(setup.ValX, setup.ValY),
            setup.Optimizer, setup.Scheduler, LoopSetup.Epochs);
        var observation = new Observation
        {
            ["history"] = Tensor.FromArray(history.SelectMany(h => new[] { h.TrainLoss, h.TrainAccuracy, h.ValLoss, h.ValAccuracy }).ToArray(), history.Count, 4),
        };
        observation.Set("final_val_accuracy", setup.ValidationAccuracy());
        foreach (var (name, value) in setup.Model.StateDict().Where(s => s.Value.DType.IsFloatingPoint()))
        {
            observation["state." + name] = value;
        }

        return observation;
    }
}
