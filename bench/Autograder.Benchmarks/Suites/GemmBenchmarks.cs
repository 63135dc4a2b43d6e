using Autograder.Benchmarks.Quick;
using Autograder.Kernels.Gemm;
using BenchmarkDotNet.Attributes;

namespace Autograder.Benchmarks.Suites;

/// <summary>Square GEMM C = A·B at sizes from cache-resident to memory-bound, float32 and float64.</summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _a32 = [], _b32 = [], _c32 = [];
    private double[] _a64 = [], _b64 = [], _c64 = [];

    [Params(128, 512, 1024)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _a32 = GemmQuick.RandomMatrix<float>(N, 1);
        _b32 = GemmQuick.RandomMatrix<float>(N, 2);
        _c32 = new float[N * N];
        _a64 = GemmQuick.RandomMatrix<double>(N, 1);
        _b64 = GemmQuick.RandomMatrix<double>(N, 2);
        _c64 = new double[N * N];
    }

    [Benchmark]
    public void Float32() => Gemm.Multiply(false, false, N, N, N, 1f, _a32, N, _b32, N, 0f, _c32, N);

    [Benchmark]
    public void Float64() => Gemm.Multiply(false, false, N, N, N, 1.0, _a64, N, _b64, N, 0.0, _c64, N);

    [Benchmark]
    public void Float32TransposedB() => Gemm.Multiply(false, true, N, N, N, 1f, _a32, N, _b32, N, 0f, _c32, N);
}
