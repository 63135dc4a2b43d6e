using Autograder.Tensors;
using BenchmarkDotNet.Attributes;

namespace Autograder.Benchmarks.Suites;

/// <summary>Elementwise tensor ops on one million float32 values: same shape, broadcast row, and a transcendental.</summary>
[MemoryDiagnoser]
public class ElementwiseBenchmarks
{
    private Tensor _a = null!, _b = null!, _row = null!;

    [GlobalSetup]
    public void Setup()
    {
        var gen = new Generator(0);
        _a = Tensor.Randn(gen, [1000, 1000]);
        _b = Tensor.Randn(gen, [1000, 1000]);
        _row = Tensor.Randn(gen, [1000]);
    }

    [Benchmark]
    public Tensor Add() => _a + _b;

    [Benchmark]
    public Tensor AddBroadcastRow() => _a + _row;

    [Benchmark]
    public Tensor Exp() => _a.Exp();

    [Benchmark]
    public Tensor SumOverRows() => _a.Sum(0);

    [Benchmark]
    public Tensor Softmax() => _a.Softmax(1);
}
