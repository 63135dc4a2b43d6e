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
    public void Bulk_uniform_draws_are_the_same_stream_as_one_at_a_time()
    {
        var one = new Generator(9);
        var expected = Enumerable.Range(0, 1500).Select(_ => one.NextDouble()).ToArray();
        var bulk = new Generator(9);
        var drawn = new double[1500];
        bulk.NextDoubles(drawn.AsSpan(0, 1000));
        bulk.NextDoubles(drawn.AsSpan(1000));
        Assert.That(drawn, Is.EqualTo(expected).AsCollection);
        Assert.That(bulk.NextDouble(), Is.EqualTo(one.NextDouble()));
        Assert.That(Tensor.Rand(new Generator(9), [1500], DType.Float64).ToArray<double>(), Is.EqualTo(expected).AsCollection);
        Assert.That(Tensor.Rand(new Generator(9), [1500]).ToArray<float>(), Is.EqualTo(expected.Select(v => (float)v)).AsCollection);
    }

    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    public void The_dropout_mask_is_the_uniform_draws_thresholded_and_scaled(DType dtype)
    {
        // Dropout(x) for x = 1 is the mask itself: Rand(…).Ge(p) scaled by 1 / (1 − p), element by element.
        const double P = 0.3;
        var mask = Autograder.Tensors.NN.Functional.Dropout(Tensor.Ones([37, 29], dtype), P, training: true, new Generator(5));
        var expected = Tensor.Rand(new Generator(5), [37, 29], dtype).Ge(P).To(dtype) * (1 / (1 - P));
        Assert.That(mask.To(DType.Float64).ToArray<double>(), Is.EqualTo(expected.To(DType.Float64).ToArray<double>()).AsCollection);
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
