using Autograder.Kernels.Operators;

namespace Autograder.Kernels.Tests;

public sealed class ElementwiseTests(bool simd, int vectorBits) : SimdFixture(simd, vectorBits)
{
    private static readonly double[] X = Naive.Random(1003, 1, -3, 3);
    private static readonly double[] Y = Naive.Random(1003, 2, 0.5, 2);

    private static IEnumerable<TestCaseData> UnaryCases()
    {
        yield return Case<NegateOperator<double>>("Negate", v => -v);
        yield return Case<AbsOperator<double>>("Abs", Math.Abs);
        yield return Case<ExpOperator<double>>("Exp", Math.Exp);
        yield return Case<LogOperator<double>>("Log", v => Math.Log(Math.Abs(v)), abs: true);
        yield return Case<SqrtOperator<double>>("Sqrt", v => Math.Sqrt(Math.Abs(v)), abs: true);
        yield return Case<TanhOperator<double>>("Tanh", Math.Tanh);
        yield return Case<SigmoidOperator<double>>("Sigmoid", v => 1 / (1 + Math.Exp(-v)));
        yield return Case<ReluOperator<double>>("Relu", v => Math.Max(v, 0));
        yield return Case<SinOperator<double>>("Sin", Math.Sin);
        yield return Case<CosOperator<double>>("Cos", Math.Cos);
        yield return Case<ReciprocalOperator<double>>("Reciprocal", v => 1 / v);
        yield return Case<SquareOperator<double>>("Square", v => v * v);

        static TestCaseData Case<TOp>(string name, Func<double, double> reference, bool abs = false)
            where TOp : IUnaryOperator<double>
        {
            Action<double[], double[]> run = (x, d) => Elementwise.Map<double, TOp>(x, d);
            return new TestCaseData(run, reference, abs).SetArgDisplayNames(name);
        }
    }

    [Test]
    public void Long_maps_run_in_blocks_bit_identical_at_one_and_two_threads()
    {
        // Longer than the parallel threshold and not a multiple of the block: the last block is short.
        var x = Array.ConvertAll(Naive.Random(300_001, 3, -3, 3), v => (float)v);
        var y = Array.ConvertAll(Naive.Random(300_001, 4, 0.5, 2), v => (float)v);
        float[] Run(int threads)
        {
            var d = new float[x.Length];
            var e = new float[x.Length];
            KernelSettings.With(Simd, threads, () =>
            {
                Elementwise.Map<float, ExpOperator<float>>(x, d);
                Elementwise.Map<float, DivideOperator<float>>(d, 1, y, 1, e);
            });
            return e;
        }

        var two = Run(2);
        Assert.That(two, Is.EqualTo(Run(1)).AsCollection);
        Assert.That(two[^1], Is.EqualTo(MathF.Exp(x[^1]) / y[^1]).Within(1e-5).Percent);
    }

    [TestCaseSource(nameof(UnaryCases))]
    public void Unary_matches_math(Action<double[], double[]> run, Func<double, double> reference, bool abs)
    {
        var x = abs ? Array.ConvertAll(X, Math.Abs) : X;
        var d = new double[x.Length];
        run(x, d);
        Naive.AssertClose(Array.ConvertAll(x, v => reference(v)), d, 1e-14);
    }

    [TestCase(1, 1)]
    [TestCase(1, 0)]
    [TestCase(0, 1)]
    [TestCase(3, 2)]
    public void Binary_strides_walk_broadcast_and_skip(int xStride, int yStride)
    {
        const int N = 300;
        var d = new double[N];
        Elementwise.Map<double, SubtractOperator<double>>(X, xStride, Y, yStride, d);
        for (var i = 0; i < N; i++)
        {
            Assert.That(d[i], Is.EqualTo(X[i * xStride] - Y[i * yStride]), $"element {i}");
        }

        Elementwise.Map<double, DivideOperator<double>>(X, xStride, Y, yStride, d);
        Assert.That(d[N - 1], Is.EqualTo(X[(N - 1) * xStride] / Y[(N - 1) * yStride]).Within(1e-15));
        Elementwise.Map<double, PowOperator<double>>(Y, yStride, X, xStride, d);
        Assert.That(d[7], Is.EqualTo(Math.Pow(Y[7 * yStride], X[7 * xStride])).Within(1e-12));
    }

    [Test]
    public void Maximum_propagates_nan()
    {
        var d = new double[3];
        Elementwise.Map<double, MaximumOperator<double>>([1, double.NaN, 3], 1, [2, 2, double.NaN], 1, d);
        Assert.That(d[0], Is.EqualTo(2));
        Assert.That(double.IsNaN(d[1]) && double.IsNaN(d[2]), Is.True);
    }

    [Test]
    public void Short_input_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Elementwise.Map<double, AddOperator<double>>(new double[3], 1, new double[5], 1, new double[5]));
        Assert.That(error!.Message, Does.Contain("x must hold at least 5 elements; got 3"));
    }

    [Test]
    public void MultiplyAdd_and_Scale()
    {
        var d = new double[4];
        Elementwise.MultiplyAdd<double>([1, 2, 3, 4], 2, [10, 20, 30, 40], d);
        Assert.That(d, Is.EqualTo(new double[] { 12, 24, 36, 48 }).AsCollection);
        Elementwise.Scale<double>(d, 0.5, d);
        Assert.That(d, Is.EqualTo(new double[] { 6, 12, 18, 24 }).AsCollection);
    }
}
