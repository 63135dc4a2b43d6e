using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A1;
using Homework.A2;

namespace Autograder.Grading.Tests.Reference;

/// <summary>The A2 general convolution and ConvNet reference against autograd of the library's conv2d, and learning on real digits.</summary>
public sealed class A2ConvNetTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Generator(seed), shape, DType.Float64);

    [TestCase(1, 0)]
    [TestCase(1, 1)]
    [TestCase(2, 1)]
    [TestCase(3, 2)]
    public void Strided_conv_equals_the_librarys_conv2d_and_its_gradients(int stride, int padding)
    {
        var (x, k, b) = (R(1, 2, 3, 7, 6).RequireGrad(), R(2, 4, 3, 3, 2).RequireGrad(), R(3, 4).RequireGrad());
        var (output, cache) = StridedConv.Forward(x.Detach(), k.Detach(), b.Detach(), stride, padding);
        var expected = x.Conv2d(k, b, stride, padding);
        Assert.That(output.Shape.ToArray(), Is.EqualTo(expected.Shape.ToArray()));
        Assert.That(output.AllClose(expected.Detach(), 1e-12), Is.True);

        var dout = R(4, [.. expected.Shape.ToArray()]);
        expected.Backward(dout);
        var (dx, dk, db) = StridedConv.Backward(dout, cache);
        Assert.That(dx.AllClose(x.Grad!, 1e-12), Is.True, "dX");
        Assert.That(dk.AllClose(k.Grad!, 1e-12), Is.True, "dK");
        Assert.That(db.AllClose(b.Grad!, 1e-12), Is.True, "db");
    }

    [Test]
    public void Strided_conv_with_stride_one_and_no_padding_is_the_assignments_conv_layer()
    {
        var (x, k, b) = (R(5, 2, 2, 5, 5), R(6, 3, 2, 2, 3), R(7, 3));
        Assert.That(StridedConv.Forward(x, k, b, 1, 0).Out.AllClose(ConvLayer.Forward(x, k, b).Out, 1e-12), Is.True);
    }

    [Test]
    public void Strided_conv_rejects_a_kernel_larger_than_the_padded_input()
    {
        var error = Assert.Throws<ArgumentException>(() => StridedConv.Forward(R(8, 1, 1, 2, 2), R(9, 1, 1, 5, 5), R(10, 1), 1, 1));
        Assert.That(error!.Message, Does.Contain("5×5 kernel does not fit a 2×2 input padded by 1"));
    }

    [Test]
    public void Conv_net_loss_and_gradients_equal_autograd_of_the_same_formula()
    {
        var model = new ThreeLayerConvNet((2, 6, 6), 3, 3, 5, 4, 0.5, 0.3, new Generator(11));
        var (x, y) = (R(12, 3, 2, 6, 6), Tensor.Randint(new Generator(13), 0, 4, [3]));
        var (loss, gradients) = model.Loss(x, y);

        var p = model.Parameters.ToDictionary(kv => kv.Key, kv => kv.Value.Clone().RequireGrad());
        var pooled = x.Conv2d(p["W1"], p["b1"], 1, 1).Relu().MaxPool2d(2);
        var scores = ((pooled.Reshape(3, -1).MatMul(p["W2"]) + p["b2"]).Relu().MatMul(p["W3"])) + p["b3"];
        var expected = Functional.CrossEntropy(scores, y) + (0.5 * 0.3 * (p["W1"].Square().Sum() + p["W2"].Square().Sum() + p["W3"].Square().Sum()));
        expected.Backward();
        Assert.That(loss, Is.EqualTo(expected.Item()).Within(1e-12));
        Assert.That(gradients.Keys, Is.EquivalentTo(p.Keys));
        foreach (var name in p.Keys)
        {
            Assert.That(gradients[name].Shape.ToArray(), Is.EqualTo(p[name].Shape.ToArray()), name);
            Assert.That(gradients[name].AllClose(p[name].Grad!, 1e-10), Is.True, name);
        }

        Assert.That(model.Scores(x).AllClose(scores.Detach(), 1e-12), Is.True);
    }

    [Test]
    public void Solver_trains_the_conv_net_on_real_mnist_digits()
    {
        var folder = Path.Combine(Repository.Root, "data", "mnist-small");
        var train = Autograder.Data.Datasets.Mnist.Load(folder, train: true, limit: 2500);
        var x = train.Images.To(DType.Float64);
        var y = train.Labels;
        var data = new TrainingData(x.Narrow(0, 0, 2000), y.Narrow(0, 0, 2000), x.Narrow(0, 2000, 500), y.Narrow(0, 2000, 500));
        var model = new ThreeLayerConvNet((1, 28, 28), 8, 5, 50, 10, 0.05, 1e-4, new Generator(14));
        var solver = new Solver(model, data, new SolverOptions { UpdateRule = () => new Adam(2e-3), Epochs = 2, BatchSize = 50, Seed = 15 });
        solver.Train();

        Assert.That(solver.LossHistory.Take(5).Average(), Is.GreaterThan(solver.LossHistory.TakeLast(5).Average() * 2), "the loss falls");
        Assert.That(solver.BestValidationAccuracy, Is.GreaterThan(0.8), "a small conv net on 2,000 digits");
    }
}
