using Autograder.Kernels;

namespace Autograder.Tensors.Tests.Random;

[NonParallelizable]
public sealed class GeneratorTests
{
    [Test]
    public void Same_seed_gives_the_same_numbers_and_another_seed_does_not()
    {
        var a = Tensor.Randn(new Generator(42), [100]).ToArray<float>();
        var b = Tensor.Randn(new Generator(42), [100]).ToArray<float>();
        var c = Tensor.Randn(new Generator(43), [100]).ToArray<float>();
        Assert.That(b, Is.EqualTo(a).AsCollection);
        Assert.That(c, Is.Not.EqualTo(a).AsCollection);
    }

    [Test]
    public void Normal_and_uniform_samples_have_the_right_moments()
    {
        var n = Tensor.Randn(new Generator(1), [200_000], DType.Float64);
        Assert.That(n.Mean().Item(), Is.EqualTo(0).Within(0.01));
        Assert.That(n.Var([0]).Item(), Is.EqualTo(1).Within(0.01));
        var u = Tensor.Rand(new Generator(2), [200_000], DType.Float64);
        Assert.That(u.Mean().Item(), Is.EqualTo(0.5).Within(0.005));
        Assert.That(u.Min().Item(), Is.GreaterThanOrEqualTo(0));
        Assert.That(u.Max().Item(), Is.LessThan(1));
        var ints = Tensor.Randint(new Generator(3), -2, 3, [10_000]).ToArray<long>();
        Assert.That(ints.Distinct().Order(), Is.EqualTo(new long[] { -2, -1, 0, 1, 2 }));
        Assert.That(Tensor.Randperm(new Generator(4), 10).ToArray<long>().Order(), Is.EqualTo(Enumerable.Range(0, 10).Select(i => (long)i)));
    }

    [Test]
    public void A_training_step_gives_identical_bytes_at_one_and_two_threads()
    {
        float[] Run()
        {
            var gen = new Generator(7);
            var x = Tensor.Randn(gen, [64, 3, 12, 12]);
            var w = (Tensor.Randn(gen, [8, 3, 3, 3]) * 0.1).RequireGrad();
            var v = (Tensor.Randn(gen, [8 * 6 * 6, 10]) * 0.1).RequireGrad();
            var h = x.Conv2d(w, null, 1, 1).Relu().MaxPool2d(2).Flatten(1).MatMul(v);
            h.LogSoftmax(1).Mean().Backward();
            return [.. h.ToArray<float>(), .. w.Grad!.ToArray<float>(), .. v.Grad!.ToArray<float>()];
        }

        float[] one = [], two = [];
        KernelSettings.With(simdEnabled: true, maxThreads: 1, () => one = Run());
        KernelSettings.With(simdEnabled: true, maxThreads: 2, () => two = Run());
        Assert.That(two, Is.EqualTo(one).AsCollection);
    }
}
