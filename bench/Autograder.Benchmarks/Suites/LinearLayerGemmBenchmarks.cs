using Autograder.Benchmarks.Quick;
using Autograder.Kernels.Gemm;
using BenchmarkDotNet.Attributes;

namespace Autograder.Benchmarks.Suites;

/// <summary>The three products of a linear layer on a batch (the Fashion-MNIST CNN's 1152 → 600 layer at batch 64), float32.</summary>
/// <remarks>Few rows and a large weight: the shapes the few-rows GEMM driver and its register-transposed packing are for.</remarks>
[MemoryDiagnoser]
public class LinearLayerGemmBenchmarks
{
    private float[] _x = [], _w = [], _g = [], _y = [], _dx = [], _dw = [];

    [Params(64)]
    public int Batch { get; set; }

    [Params(1152)]
    public int In { get; set; }

    [Params(600)]
    public int Out { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _x = GemmQuick.RandomMatrix<float>(Batch, In, 1);
        _w = GemmQuick.RandomMatrix<float>(Out, In, 2);
        _g = GemmQuick.RandomMatrix<float>(Batch, Out, 3);
        (_y, _dx, _dw) = (new float[Batch * Out], new float[Batch * In], new float[Out * In]);
    }

    /// <summary>Y = X · Wᵀ.</summary>
    [Benchmark]
    public void Forward() => Gemm.Multiply(false, true, Batch, Out, In, 1f, _x, In, _w, In, 0f, _y, Out);

    /// <summary>dX = G · W.</summary>
    [Benchmark]
    public void InputGradient() => Gemm.Multiply(false, false, Batch, In, Out, 1f, _g, Out, _w, In, 0f, _dx, In);

    /// <summary>dW = Gᵀ · X.</summary>
    [Benchmark]
    public void WeightGradient() => Gemm.Multiply(true, false, Out, In, Batch, 1f, _g, Out, _x, In, 0f, _dw, In);
}
