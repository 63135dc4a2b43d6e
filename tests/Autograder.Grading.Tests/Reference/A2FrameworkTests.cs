using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A2;
using MathNet.Numerics.LinearAlgebra;

namespace Autograder.Grading.Tests.Reference;

/// <summary>A2's framework part and theory answers against independent oracles: the nn library's own counts, hand arithmetic, the head's definition.</summary>
public sealed class A2FrameworkTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Generator(seed), shape, DType.Float64);

    [Test]
    public void Fashion_cnn_has_the_specified_parameters_and_returns_log_probabilities()
    {
        var model = new FashionCnn();
        Assert.That(model.ParameterCount(), Is.EqualTo(769_930));
        Assert.That(model.NamedParameters().Select(p => p.Name), Is.EqualTo(new[]
        {
            "conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias",
        }));
        model.Eval();
        var output = model.Call(Tensor.Rand(new Generator(1), [4, 1, 28, 28]));
        Assert.That(output.Shape.ToArray(), Is.EqualTo(new[] { 4, 10 }));
        Assert.That(output.Exp().Sum(1).AllClose(Tensor.Ones(4), 1e-5), Is.True, "rows of exp(output) sum to one");
    }

    /// <summary>
    /// Conv: 8 kernels × (5·5·3 + 1) = 608; its output 24×24×8 pools (4×4, stride 2) to 11×11×8 = 968 features; linear:
    /// 968·10 + 10 = 9,690; total 10,298. Fully connected: 2,352·100 + 100 + 100·10 + 10 = 236,310. The nn library, building
    /// the same nets and measuring the pooled size with a forward pass, must agree.
    /// </summary>
    [Test]
    public void Parameter_counts_match_hand_arithmetic_and_the_nn_librarys_count()
    {
        Assert.That(Answers.ConvNetParameterCount(), Is.EqualTo(10_298));
        Assert.That(Answers.FullyConnectedParameterCount(), Is.EqualTo(236_310));

        var conv = new Conv2d(3, 8, 5);
        var features = conv.Call(Tensor.Zeros(1, 3, 28, 28)).MaxPool2d(4, 2).Flatten(1).Shape[1];
        var cnn = new Sequential(conv, new MaxPool2d(4, 2), new Flatten(), new Linear(features, 10));
        Assert.That(cnn.ParameterCount(), Is.EqualTo(Answers.ConvNetParameterCount()));
        Assert.That(new Sequential(new Linear(28 * 28 * 3, 100), new ReLU(), new Linear(100, 10)).ParameterCount(), Is.EqualTo(Answers.FullyConnectedParameterCount()));
    }

    [Test]
    public void Attention_bilinear_form_gives_the_heads_probabilities_has_rank_at_most_d_and_is_invariant()
    {
        var (wq, wk, x) = (R(2, 7, 3), R(3, 7, 3), R(4, 5, 7));
        var a = Answers.AttentionBilinearForm(wq, wk);
        var head = (x.MatMul(wq).MatMul(x.MatMul(wk).T) / Math.Sqrt(3)).Softmax(1);
        Assert.That(x.MatMul(a).MatMul(x.T).Softmax(1).AllClose(head, 1e-12), Is.True);

        var matrix = Matrix<double>.Build.Dense(7, 7, (i, j) => a[i, j].Item());
        Assert.That(matrix.Rank(), Is.EqualTo(3));

        var b = Tensor.Eye(3, dtype: DType.Float64) + (R(5, 3, 3) * 0.3);
        var bInverse = Matrix<double>.Build.Dense(3, 3, (i, j) => b[i, j].Item()).Inverse();
        var bInverseTransposed = Tensor.FromArray(bInverse.Transpose().ToArray());
        Assert.That(Answers.AttentionBilinearForm(wq.MatMul(b), wk.MatMul(bInverseTransposed)).AllClose(a, 1e-10), Is.True);
    }

    /// <summary>A separable four-class problem: the loop's loss falls and the accuracy reaches one; evaluation is deterministic despite dropout.</summary>
    [Test]
    public void Training_loop_learns_and_accuracy_is_measured_in_evaluation_mode()
    {
        Init.ManualSeed(6);
        var model = new Sequential(new Linear(2, 32), new ReLU(), new Dropout(0.5), new Linear(32, 4), new LogSoftmax(1));
        var centres = Tensor.FromArray(new float[] { 3, 3, -3, 3, 3, -3, -3, -3 }, 4, 2);
        var y = Tensor.Randint(new Generator(7), 0, 4, [256]);
        var x = centres.IndexSelect(0, y) + Tensor.Randn(new Generator(8), [256, 2]);
        var batches = Enumerable.Range(0, 8).Select(i => (x.Narrow(0, i * 32, 32), y.Narrow(0, i * 32, 32))).ToList();
        var optimizer = new SGD(model.Parameters(), lr: 0.05, momentum: 0.9);

        var losses = Enumerable.Range(0, 5).Select(_ => FashionTraining.TrainEpoch(model, optimizer, batches)).ToList();
        Assert.That(losses[^1], Is.LessThan(losses[0] / 3));
        Assert.That(losses[^1], Is.LessThan(0.2));
        var accuracy = FashionTraining.Accuracy(model, batches);
        Assert.That(accuracy, Is.GreaterThan(0.97));
        Assert.That(FashionTraining.Accuracy(model, batches), Is.EqualTo(accuracy), "dropout off: the same answer twice");
        Assert.That(model.Training, Is.False);
    }
}
