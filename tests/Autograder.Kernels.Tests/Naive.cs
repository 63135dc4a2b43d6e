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

    /// <summary>A convolution by its definition: y[f, oh, ow] = Σ w[f, c, i, j] · x[c, oh·sh − ph + i, ow·sw − pw + j], zero outside the image.</summary>
    public static double[] Convolution(double[] x, double[] w, int filters, Autograder.Kernels.Convolution.ConvGeometry g)
    {
        var y = new double[filters * g.OutPositions];
        for (var f = 0; f < filters; f++)
        {
            for (var oh = 0; oh < g.OutHeight; oh++)
            {
                for (var ow = 0; ow < g.OutWidth; ow++)
                {
                    var sum = 0.0;
                    for (var c = 0; c < g.Channels; c++)
                    {
                        for (var i = 0; i < g.KernelHeight; i++)
                        {
                            for (var j = 0; j < g.KernelWidth; j++)
                            {
                                int ih = (oh * g.StrideHeight) - g.PadHeight + i, iw = (ow * g.StrideWidth) - g.PadWidth + j;
                                if (ih >= 0 && ih < g.Height && iw >= 0 && iw < g.Width)
                                {
                                    sum += x[(((c * g.Height) + ih) * g.Width) + iw] * w[(((((f * g.Channels) + c) * g.KernelHeight) + i) * g.KernelWidth) + j];
                                }
                            }
                        }
                    }

                    y[(f * g.OutPositions) + (oh * g.OutWidth) + ow] = sum;
                }
            }
        }

        return y;
    }
}
