using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A1;

namespace Autograder.Grading.Tests.Reference;

/// <summary>The A1 reference against independent oracles: autograd for the backward passes, the library's cross-entropy for the loss.</summary>
public sealed class A1LayersTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Generator(seed), shape, DType.Float64);

    [Test]
    public void Fc_backward_equals_autograd_of_fc_forward()
    {
        var (x, w, b) = (R(1, 4, 5).RequireGrad(), R(2, 5, 3).RequireGrad(), R(3, 3).RequireGrad());
        var (output, cache) = Layers.FcForward(x, w, b);
        var dout = R(4, 4, 3);
        output.Backward(dout);
        var (dx, dw, db) = Layers.FcBackward(dout, cache);
        Assert.That(dx.AllClose(x.Grad!, 1e-12), Is.True);
        Assert.That(dw.AllClose(w.Grad!, 1e-12), Is.True);
        Assert.That(db.AllClose(b.Grad!, 1e-12), Is.True);
    }

    [Test]
    public void Relu_backward_equals_autograd_of_relu_forward()
    {
        var x = R(5, 6, 7).RequireGrad();
        var (output, cache) = Layers.ReluForward(x);
        var dout = R(6, 6, 7);
        output.Backward(dout);
        Assert.That(Layers.ReluBackward(dout, cache).AllClose(x.Grad!, 1e-12), Is.True);
    }

    [Test]
    public void Softmax_loss_equals_cross_entropy_and_its_gradient()
    {
        var scores = (R(7, 8, 10) * 5.0).RequireGrad();
        var y = Tensor.Randint(new Generator(8), 0, 10, [8]);
        var (loss, dx) = Layers.SoftmaxLoss(scores, y);
        var expected = Functional.CrossEntropy(scores, y);
        expected.Backward();
        Assert.That(loss, Is.EqualTo(expected.Item()).Within(1e-12));
        Assert.That(dx.AllClose(scores.Grad!, 1e-12), Is.True);
    }

    [Test]
    public void Softmax_loss_of_uniform_scores_is_log_c()
    {
        var (loss, _) = Layers.SoftmaxLoss(Tensor.Zeros([3, 10], DType.Float64), Tensor.FromArray(new long[] { 0, 4, 9 }));
        Assert.That(loss, Is.EqualTo(Math.Log(10)).Within(1e-12));
    }
}
