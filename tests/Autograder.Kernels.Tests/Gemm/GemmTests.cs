namespace Autograder.Kernels.Tests.Gemm;

public sealed class GemmTests(bool simd, int vectorBits) : SimdFixture(simd, vectorBits)
{
    // Shapes cover: the small direct path, exact tiles, ragged edges in every dimension, k beyond one KC block,
    // n beyond one NC block, degenerate sizes, and skinny results (one to four rows or columns: vector–matrix products,
    // a one-output linear layer) in every transposition.
    private static readonly int[][] Shapes =
    [
        [1, 1, 1], [3, 5, 7], [8, 32, 16], [33, 65, 17], [130, 70, 300], [97, 200, 513], [64, 3100, 40], [5, 1, 900], [0, 4, 4], [4, 4, 0],
        [1, 512, 169], [3, 300, 120], [1700, 1, 64], [900, 4, 50], [4, 5, 3000],

        // A · Bᵀ as tiles of dot products: ragged tiles, k with a scalar tail, and a long k split into chunks (a weight gradient).
        [10, 9, 5000], [64, 70, 1152], [17, 6, 33],
    ];

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var s in Shapes)
        {
            foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
            {
                yield return new TestCaseData(s[0], s[1], s[2], ta, tb).SetArgDisplayNames($"{s[0]}x{s[1]}x{s[2]}", ta ? "At" : "A", tb ? "Bt" : "B");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Double_matches_the_triple_loop(int m, int n, int k, bool transA, bool transB)
    {
        var (a, lda, b, ldb, c, ldc) = Operands(m, n, k, transA, transB, padding: 3);
        var expected = Naive.Gemm(transA, transB, m, n, k, 0.75, a, lda, b, ldb, -0.5, c, ldc);
        Kernels.Gemm.Gemm.Multiply(transA, transB, m, n, k, 0.75, a, lda, b, ldb, -0.5, c, ldc);
        Naive.AssertClose(expected, c, 1e-12);
    }

    [TestCaseSource(nameof(Cases))]
    public void Single_matches_the_triple_loop(int m, int n, int k, bool transA, bool transB)
    {
        var (a, lda, b, ldb, c, ldc) = Operands(m, n, k, transA, transB, padding: 0);
        var expected = Naive.Gemm(transA, transB, m, n, k, 1, a, lda, b, ldb, 0, c, ldc);
        var cs = Array.ConvertAll(c, v => (float)v);
        Kernels.Gemm.Gemm.Multiply(transA, transB, m, n, k, 1f, Array.ConvertAll(a, v => (float)v), lda, Array.ConvertAll(b, v => (float)v), ldb, 0f, cs, ldc);
        Naive.AssertClose(expected, Array.ConvertAll(cs, v => (double)v), 2e-5 * Math.Sqrt(Math.Max(k, 1)));
    }

    [Test]
    public void Beta_zero_ignores_NaN_in_C()
    {
        double[] a = [1, 2], b = [3, 4], c = [double.NaN];
        Kernels.Gemm.Gemm.Multiply(false, false, 1, 1, 2, 1.0, a, 2, b, 1, 0.0, c, 1);
        Assert.That(c[0], Is.EqualTo(11.0));
    }

    // Beta 0 lets the packed drivers store their first depth block instead of clearing C and adding to it: C's old
    // values, NaNs here, must never reach the result, at ragged edges either. 60 rows run the few-rows driver, 300 the
    // blocked one; k = 300 spans two depth blocks (the second adds to what the first stored).
    [TestCase(60, 70, 300)]
    [TestCase(300, 70, 300)]
    [TestCase(60, 33, 9)]
    public void Packed_products_with_beta_zero_never_read_C(int m, int n, int k)
    {
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var (a, lda, b, ldb, _, ldc) = Operands(m, n, k, ta, tb, padding: 1);
            var c = new double[m * ldc];
            var expected = Naive.Gemm(ta, tb, m, n, k, 0.5, a, lda, b, ldb, 0, c, ldc);
            Array.Fill(c, double.NaN);
            Kernels.Gemm.Gemm.Multiply(ta, tb, m, n, k, 0.5, a, lda, b, ldb, 0.0, c, ldc);
            for (var i = 0; i < m; i++)
            {
                Naive.AssertClose(expected.AsSpan(i * ldc, n), c.AsSpan(i * ldc, n), 1e-12);
                Assert.That(c.AsSpan((i * ldc) + n, ldc - n).ToArray(), Is.All.NaN, "the padding between rows of C is not C's to write");
            }
        }
    }

    [Test]
    public void Results_are_bit_identical_at_one_and_two_threads()
    {
        const int M = 300, N = 250, K = 600;
        var a = Naive.RandomSingle(M * K, 1);
        var b = Naive.RandomSingle(K * N, 2);
        float[] one = new float[M * N], two = new float[M * N];
        KernelSettings.With(Simd, 1, () => Kernels.Gemm.Gemm.Multiply(false, false, M, N, K, 1f, a, K, b, N, 0f, one, N));
        KernelSettings.With(Simd, 2, () => Kernels.Gemm.Gemm.Multiply(false, false, M, N, K, 1f, a, K, b, N, 0f, two, N));
        Assert.That(two, Is.EqualTo(one).AsCollection);
    }

    [TestCase(32, 144, 9216, TestName = "Long k split into chunks (a convolution's weight gradient)")]
    [TestCase(64, 600, 1152, TestName = "Column panels split among threads (a linear layer's forward pass)")]
    public void A_times_B_transposed_is_bit_identical_at_one_and_two_threads(int m, int n, int k)
    {
        var a = Naive.RandomSingle(m * k, 3);
        var b = Naive.RandomSingle(n * k, 4);
        float[] one = new float[m * n], two = new float[m * n];
        KernelSettings.With(Simd, 1, () => Kernels.Gemm.Gemm.Multiply(false, true, m, n, k, 1f, a, k, b, k, 0f, one, n));
        KernelSettings.With(Simd, 2, () => Kernels.Gemm.Gemm.Multiply(false, true, m, n, k, 1f, a, k, b, k, 0f, two, n));
        Assert.That(two, Is.EqualTo(one).AsCollection);
    }

    [Test]
    public void Short_operand_is_rejected_with_the_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Kernels.Gemm.Gemm.Multiply(false, false, 2, 2, 3, 1.0, new double[5], 3, new double[6], 2, 0.0, new double[4], 2));
        Assert.That(error!.Message, Does.Contain("Gemm").And.Contain("a must hold at least 6 elements; got 5"));
    }

    [Test]
    public void Row_stride_smaller_than_columns_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Kernels.Gemm.Gemm.Multiply(false, false, 2, 2, 3, 1.0, new double[6], 2, new double[6], 2, 0.0, new double[4], 2));
        Assert.That(error!.Message, Does.Contain("row stride of a must be at least its 3 columns; got 2"));
    }

    private static (double[] A, int Lda, double[] B, int Ldb, double[] C, int Ldc) Operands(int m, int n, int k, bool transA, bool transB, int padding)
    {
        var (aRows, aCols) = transA ? (k, m) : (m, k);
        var (bRows, bCols) = transB ? (n, k) : (k, n);
        int lda = aCols + padding, ldb = bCols + padding, ldc = n + padding;
        return (Naive.Random(Math.Max(aRows * lda, 1), 11), lda, Naive.Random(Math.Max(bRows * ldb, 1), 12), ldb, Naive.Random(Math.Max(m * ldc, 1), 13), ldc);
    }
}
