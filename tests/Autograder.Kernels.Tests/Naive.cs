namespace Autograder.Kernels.Tests;

/// <summary>Deliberately simple loops and seeded random data: the oracles for the kernels.</summary>
internal static class Naive
{
    public static double[] Random(int length, int seed, double low = -1, double high = 1)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = low + ((high - low) * random.NextDouble());
        }

        return values;
    }

    public static float[] RandomSingle(int length, int seed) => Array.ConvertAll(Random(length, seed), v => (float)v);

    /// <summary>C = alpha · op(A) · op(B) + beta · C with the textbook triple loop, in double.</summary>
    public static double[] Gemm(bool transA, bool transB, int m, int n, int k, double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc)
    {
        var result = (double[])c.Clone();
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var p = 0; p < k; p++)
                {
                    var aip = transA ? a[(p * lda) + i] : a[(i * lda) + p];
                    var bpj = transB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += aip * bpj;
                }

                result[(i * ldc) + j] = (alpha * sum) + (beta == 0 ? 0 : beta * c[(i * ldc) + j]);
            }
        }

        return result;
    }

    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length), "length");
        for (var i = 0; i < expected.Length; i++)
        {
            var scale = Math.Max(1, Math.Abs(expected[i]));
            if (!(Math.Abs(expected[i] - actual[i]) <= tolerance * scale))
            {
                Assert.Fail($"element {i}: expected {expected[i]}, got {actual[i]} (tolerance {tolerance})");
            }
        }
    }
}
