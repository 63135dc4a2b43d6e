using Autograder.Tensors.NN;

namespace Autograder.Tensors.Tests.NN;

/// <summary>The fused batch norm against its definition written out in tensor operations (PyTorch's values are in <see cref="TorchModuleOracleTests"/>).</summary>
public sealed class BatchNormTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Generator(seed), shape, DType.Float64);

    [TestCase(true)]
    [TestCase(false)]
    public void Values_are_the_definition_in_both_modes(bool training)
    {
        var (x, gamma, beta) = (R(1, 4, 3, 5, 2) * 2.0 + 1.0, R(2, 3), R(3, 3));
        var (runningMean, runningVar) = (R(4, 3), R(5, 3).Abs() + 0.5);
        var (mean, variance) = training
            ? (x.Mean([0, 2, 3], keepDim: true), (x - x.Mean([0, 2, 3], keepDim: true)).Square().Mean([0, 2, 3], keepDim: true))
            : (runningMean.Reshape(1, 3, 1, 1), runningVar.Reshape(1, 3, 1, 1));
        var expected = (((x - mean) / (variance + 1e-5).Sqrt()) * gamma.Reshape(1, 3, 1, 1)) + beta.Reshape(1, 3, 1, 1);
        var actual = Functional.BatchNorm(x, runningMean.Clone(), runningVar.Clone(), gamma, beta, training);
        Assert.That(actual.AllClose(expected, 1e-12, 1e-12), Is.True);
    }

    [Test]
    public void Training_updates_given_running_statistics_in_place_as_the_module_does()
    {
        var x = R(6, 8, 2, 3, 3);
        var module = new BatchNorm2d(2, momentum: 0.3, dtype: DType.Float64);
        module.Call(x);
        var (mean, variance) = (Tensor.Zeros([2], DType.Float64), Tensor.Ones([2], DType.Float64));
        Functional.BatchNorm(x, mean, variance, training: true, momentum: 0.3);
        Assert.That(mean.AllClose(module.RunningMean, 1e-14, 1e-14), Is.True);
        Assert.That(variance.AllClose(module.RunningVar, 1e-14, 1e-14), Is.True, "the unbiased variance, as PyTorch keeps");
        Assert.That(variance.AllClose(Tensor.Ones([2], DType.Float64)), Is.False);
    }

    [Test]
    public void A_float32_batch_the_size_of_a_resnet_layer_matches_float64()
    {
        var x = Tensor.Randn(new Generator(7), [4, 8, 28, 28]) * 3.0 + 5.0;
        var (gamma, beta) = (Tensor.Randn(new Generator(8), [8]).RequireGrad(), Tensor.Randn(new Generator(9), [8]).RequireGrad());
        var input = x.Clone().RequireGrad();
        var y = Functional.BatchNorm(input, null, null, gamma, beta, training: true);
        var upstream = Tensor.Randn(new Generator(10), [4, 8, 28, 28]);
        (y * upstream).Sum().Backward();

        var x64 = x.To(DType.Float64).RequireGrad();
        var (g64, b64) = (gamma.Detach().To(DType.Float64).RequireGrad(), beta.Detach().To(DType.Float64).RequireGrad());
        var y64 = Functional.BatchNorm(x64, null, null, g64, b64, training: true);
        (y64 * upstream.To(DType.Float64)).Sum().Backward();
        Assert.That(y.To(DType.Float64).AllClose(y64, 1e-5, 1e-5), Is.True);
        Assert.That(input.Grad!.To(DType.Float64).AllClose(x64.Grad!, 1e-4, 1e-5), Is.True);
        Assert.That(gamma.Grad!.To(DType.Float64).AllClose(g64.Grad!, 1e-4, 1e-3), Is.True);
    }

    [Test]
    public void Mistakes_are_named()
    {
        Assert.That(() => Functional.BatchNorm(Tensor.Zeros([2, 3, 4]), null, null, Tensor.Ones([4]), training: true), Throws.InstanceOf<Exception>().With.Message.Contains("weight must be (3,)"));
        Assert.That(() => Functional.BatchNorm(Tensor.Zeros([2, 3]), null, null), Throws.InstanceOf<Exception>().With.Message.Contains("evaluation mode needs the running mean"));
        Assert.That(() => Functional.BatchNorm(Tensor.Zeros([1, 3]), null, null, training: true), Throws.InstanceOf<Exception>().With.Message.Contains("more than 1 value per channel"));
    }
}
