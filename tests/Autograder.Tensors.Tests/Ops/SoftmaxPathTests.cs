using Autograder.Kernels;

namespace Autograder.Tensors.Tests.Ops;

/// <summary>
/// Softmax and log-softmax over the last dimension run on fused row kernels: the values and gradients of the composed
/// operations they replace (bit for bit, but for log-softmax's one logarithm per row, taken alone rather than in a vector),
/// with SIMD on and off, at any thread count, for infinities and NaNs, and without writing over a gradient the caller owns.
/// </summary>
[NonParallelizable]
public sealed class SoftmaxPathTests
{
    private bool _simd;
    private int _threads;

    [SetUp]
    public void Save() => (_simd, _threads) = (KernelSettings.SimdEnabled, KernelSettings.MaxThreads);

    [TearDown]
    public void Restore() => (KernelSettings.SimdEnabled, KernelSettings.MaxThreads) = (_simd, _threads);

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var dtype in new[] { DType.Float32, DType.Float64 })
        {
            foreach (var simd in new[] { true, false })
            {
                yield return new TestCaseData(dtype, simd, new[] { 300, 1000 }).SetName($"{dtype}, SIMD {(simd ? "on" : "off")}, 300 rows of 1000");
                yield return new TestCaseData(dtype, simd, new[] { 3, 5, 7 }).SetName($"{dtype}, SIMD {(simd ? "on" : "off")}, 3 × 5 rows of 7");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Log_softmax_and_its_gradient_are_the_composed_ones(DType dtype, bool simd, int[] shape)
    {
        KernelSettings.SimdEnabled = simd;
        var x = Input(shape, dtype).RequireGrad();
        var g = Tensor.Randn(new Generator(2), shape, dtype);
        var y = x.LogSoftmax(-1);
        y.Backward(g);
        using var noGrad = Tensor.NoGrad();

        // A vector logarithm and a scalar one may differ in the last bit of log Σ exp (about 20 here): so may y = x − that.
        var logSum = x.LogSumExp(-1, keepDim: true);
        var expected = x - logSum;
        var ulp = dtype == DType.Float32 ? 1.2e-7 : 2.3e-16;
        var largest = logSum.Abs().Max().Item();
        Assert.That((y - expected).Abs().Max().Item(), Is.LessThanOrEqualTo(2 * ulp * largest), "values");
        Assert.That(Bits(x.Grad!), Is.EqualTo(Bits(g - (y.Exp() * g.Sum(-1, keepDim: true)))).AsCollection, "gradient, bit for bit");
    }

    [TestCaseSource(nameof(Cases))]
    public void Softmax_and_its_gradient_are_the_composed_ones_bit_for_bit(DType dtype, bool simd, int[] shape)
    {
        KernelSettings.SimdEnabled = simd;
        var x = Input(shape, dtype).RequireGrad();
        var g = Tensor.Randn(new Generator(2), shape, dtype);
        var y = x.Softmax(-1);
        y.Backward(g);
        using var noGrad = Tensor.NoGrad();
        var shifted = (x - x.Max(-1, keepDim: true).Values).Exp();
        var expected = shifted / shifted.Sum(-1, keepDim: true);
        Assert.That(Bits(y), Is.EqualTo(Bits(expected)).AsCollection, "values");
        Assert.That(Bits(x.Grad!), Is.EqualTo(Bits(expected * (g - (g * expected).Sum(-1, keepDim: true)))).AsCollection, "gradient");
    }

    [Test]
    public void Rows_with_infinities_and_NaNs_come_out_as_composed()
    {
        // Row 0: a +∞ (the shift is 0, the row NaN where ∞ − ∞); row 1: all −∞ (NaN); row 2: a NaN; row 3: one −∞ (its log-probability −∞).
        var x = Tensor.FromArray(new[]
        {
            1.0, double.PositiveInfinity, 2.0,
            double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity,
            1.0, double.NaN, 3.0,
            double.NegativeInfinity, 0.5, 1.5,
        }, 4, 3);
        var composedLog = x - x.LogSumExp(-1, keepDim: true);
        var shifted = (x - x.Max(-1, keepDim: true).Values).Exp();
        Assert.Multiple(() =>
        {
            Assert.That(x.LogSoftmax(-1).ToArray<double>(), Is.EqualTo(composedLog.ToArray<double>()).Within(1e-15).AsCollection, "log-softmax (NaN equals NaN)");
            Assert.That(Bits(x.Softmax(-1)), Is.EqualTo(Bits(shifted / shifted.Sum(-1, keepDim: true))).AsCollection, "softmax");
            Assert.That(x.LogSoftmax(-1).ToArray<double>()[9], Is.EqualTo(double.NegativeInfinity));
        });
    }

    [Test]
    public void Thread_count_and_layout_change_nothing()
    {
        var x = Input([200, 600], DType.Float32);
        KernelSettings.MaxThreads = 1;
        var single = Bits(x.LogSoftmax(1));
        KernelSettings.MaxThreads = 2;
        Assert.That(Bits(x.LogSoftmax(1)), Is.EqualTo(single).AsCollection, "two threads");
        var transposed = x.T.Contiguous().T;
        Assert.That(transposed.IsContiguous, Is.False);
        Assert.That(Bits(transposed.LogSoftmax(1)), Is.EqualTo(single).AsCollection, "a non-contiguous input");
    }

    [Test]
    public void The_gradient_is_written_over_the_engines_own_buffer_but_never_over_the_callers()
    {
        var x = Input([50, 2000], DType.Float32).RequireGrad();
        var w = Tensor.Randn(new Generator(3), [50, 2000]);

        // Mul's backward hands log-softmax a buffer only the engine holds: the gradient may go into it.
        (x.LogSoftmax(1) * w).Sum().Backward();
        using (Tensor.NoGrad())
        {
            var y = x.LogSoftmax(1);
            Assert.That(Bits(x.Grad!), Is.EqualTo(Bits(w - (y.Exp() * w.Sum(1, keepDim: true)))).AsCollection);
        }

        x.Grad = null;
        var upstream = w.Clone();
        x.LogSoftmax(1).Backward(upstream);
        Assert.That(Bits(upstream), Is.EqualTo(Bits(w)).AsCollection, "the caller's gradient was written to");
    }

    [Test]
    public void Other_dimensions_keep_the_composed_path()
    {
        var x = Input([6, 5, 4], DType.Float64).RequireGrad();
        var y = x.LogSoftmax(1);
        y.Sum().Backward();
        using var noGrad = Tensor.NoGrad();
        Assert.That(Bits(y), Is.EqualTo(Bits(x - x.LogSumExp(1, keepDim: true))).AsCollection);
        Assert.That(y.Exp().Sum(1).AllClose(Tensor.OnesLike(y.Sum(1)), 1e-12, 1e-12), Is.True);
    }

    private static Tensor Input(int[] shape, DType dtype) => Tensor.Randn(new Generator(1), shape, dtype) * 4.0;

    /// <summary>The values as bit patterns, so NaNs compare equal to NaNs and −0 differs from 0.</summary>
    private static long[] Bits(Tensor t) => t.DType == DType.Float32
        ? [.. t.Contiguous().ToArray<float>().Select(v => (long)BitConverter.SingleToInt32Bits(v))]
        : [.. t.Contiguous().ToArray<double>().Select(BitConverter.DoubleToInt64Bits)];
}
