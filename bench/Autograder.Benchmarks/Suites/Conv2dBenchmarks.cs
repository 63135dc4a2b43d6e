using Autograder.Tensors;
using BenchmarkDotNet.Attributes;

namespace Autograder.Benchmarks.Suites;

/// <summary>Conv2d forward, and forward + backward, on (50, 3, 32, 32) × (32, 3, 3, 3) with padding 1.</summary>
[MemoryDiagnoser]
public class Conv2dBenchmarks
{
    private Tensor _x = null!, _w = null!, _b = null!, _upstream = null!;

    [Params(DType.Float32, DType.Float64)]
    public DType DType { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var gen = new Generator(0);
        _x = Tensor.Randn(gen, [50, 3, 32, 32], DType).RequireGrad();
        _w = Tensor.Randn(gen, [32, 3, 3, 3], DType).RequireGrad();
        _b = Tensor.Randn(gen, [32], DType).RequireGrad();
        _upstream = Tensor.Randn(gen, [50, 32, 32, 32], DType);
    }

    [Benchmark]
    public Tensor Forward()
    {
        using var scope = Tensor.NoGrad();
        return _x.Conv2d(_w, _b, 1, 1);
    }

    [Benchmark]
    public void ForwardBackward() => _x.Conv2d(_w, _b, 1, 1).Backward(_upstream);
}
