using Autograder.Kernels.Gemm;

namespace Autograder.Benchmarks.Quick;

/// <summary>Quick GEMM throughput: C = A · B for square n×n matrices.</summary>
internal static class GemmQuick
{
    public static string Run(QuickOptions options) => options.DType == "float32"
        ? Run<float>(options)
        : Run<double>(options);

    private static string Run<T>(QuickOptions options)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var n = options.Size;
        var a = RandomMatrix<T>(n, 1);
        var b = RandomMatrix<T>(n, 2);
        var c = new T[n * n];
        var seconds = Timing.MedianSeconds(
            () => Gemm.Multiply(false, false, n, n, n, T.One, a, n, b, n, T.Zero, c, n),
            options.Seconds);
        var gflops = 2.0 * n * n * n / seconds / 1e9;
        return Json.Object(("case", "gemm"), ("n", n), ("dtype", options.DType), ("gflops", Math.Round(gflops, 1)));
    }

    internal static T[] RandomMatrix<T>(int n, int seed)
        where T : System.Numerics.INumberBase<T> => RandomMatrix<T>(n, n, seed);

    internal static T[] RandomMatrix<T>(int rows, int cols, int seed)
        where T : System.Numerics.INumberBase<T>
    {
        var random = new Random(seed);
        var m = new T[rows * cols];
        for (var i = 0; i < m.Length; i++)
        {
            m[i] = T.CreateTruncating((random.NextDouble() * 2) - 1);
        }

        return m;
    }
}
