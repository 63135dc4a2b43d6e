using Autograder.Kernels.Optimizers;

namespace Autograder.Kernels.Tests.Optimizers;

public sealed class SgdUpdateTests(bool simd, int vectorBits) : SimdFixture(simd, vectorBits)
{
    // 40,003 elements: several parallel blocks and a scalar tail after the vectors.
    private const int Length = 40_003;

    [TestCase(0.9f, 1f, 0f, false)]
    [TestCase(0.5f, 0.8f, 0.01f, false)]
    [TestCase(0.9f, 1f, 0.01f, true)]
    public void Matches_the_element_by_element_formula(float momentum, float share, float weightDecay, bool nesterov)
    {
        var parameter = Naive.RandomSingle(Length, 1);
        var gradient = Naive.RandomSingle(Length, 2);
        var buffer = Naive.RandomSingle(Length, 3);
        var (expectedParameter, expectedBuffer) = ((float[])parameter.Clone(), (float[])buffer.Clone());
        for (var i = 0; i < Length; i++)
        {
            // The roundings the kernel promises: each product rounded, then each sum.
            var d = gradient[i] + (expectedParameter[i] * weightDecay);
            var bufferProduct = expectedBuffer[i] * momentum;
            var shareProduct = d * share;
            expectedBuffer[i] = shareProduct + bufferProduct;
            var s = nesterov ? d + (expectedBuffer[i] * momentum) : expectedBuffer[i];
            var stepProduct = s * -0.05f;
            expectedParameter[i] = stepProduct + expectedParameter[i];
        }

        SgdUpdate.Momentum<float>(parameter, gradient, buffer, 0.05f, momentum, share, weightDecay, nesterov);
        Assert.Multiple(() =>
        {
            Assert.That(buffer, Is.EqualTo(expectedBuffer).AsCollection, "momentum buffer");
            Assert.That(parameter, Is.EqualTo(expectedParameter).AsCollection, "parameter");
        });
    }

    [Test]
    public void Results_are_bit_identical_at_one_and_two_threads()
    {
        double[] Step(int threads)
        {
            var parameter = Naive.Random(Length, 4);
            var buffer = Naive.Random(Length, 5);
            KernelSettings.With(Simd, threads, () => SgdUpdate.Momentum<double>(parameter, Naive.Random(Length, 6), buffer, 0.1, 0.9, 1, 1e-4, true));
            return [.. parameter, .. buffer];
        }

        Assert.That(Step(2), Is.EqualTo(Step(1)).AsCollection);
    }

    [Test]
    public void A_short_gradient_is_rejected_with_the_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => SgdUpdate.Momentum<float>(new float[8], new float[7], new float[8], 0.1f, 0.9f, 1f, 0f, false));
        Assert.That(error!.Message, Does.Contain("SgdUpdate.Momentum").And.Contain("gradient"));
    }
}
