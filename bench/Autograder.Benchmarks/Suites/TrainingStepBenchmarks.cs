using Autograder.Benchmarks.Quick;
using Autograder.Kernels.Gemm;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using BenchmarkDotNet.Attributes;

namespace Autograder.Benchmarks.Suites;

/// <summary>The Fashion-MNIST CNN at batch 64: one training step, one evaluation pass, and the products its layers reduce to.</summary>
/// <remarks>
/// The products: the first linear layer forward (x · Wᵀ, 64 × 600 × 1152, dot-product tiles) and the second convolution's weight
/// gradient summed over a batch (G · colsᵀ, 32 × 144 × 9216, k split into chunks).
/// </remarks>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private Sequential _model = null!;
    private SGD _optimizer = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;
    private float[] _input = [], _weight = [], _out = [], _grad = [], _cols = [], _dW = [];

    [GlobalSetup]
    public void Setup()
    {
        Init.ManualSeed(0);
        _model = FashionCnn.Create();
        _optimizer = new SGD(_model.Parameters(), lr: 0.01, momentum: 0.9);
        var gen = new Generator(1);
        _x = Tensor.Randn(gen, [64, 1, 28, 28]);
        _y = Tensor.Randint(gen, 0, 10, [64]);
        _input = GemmQuick.RandomMatrix<float>(64, 1152, 1);
        _weight = GemmQuick.RandomMatrix<float>(600, 1152, 2);
        _out = new float[64 * 600];
        _grad = GemmQuick.RandomMatrix<float>(32, 9216, 3);
        _cols = GemmQuick.RandomMatrix<float>(144, 9216, 4);
        _dW = new float[32 * 144];
    }

    [Benchmark]
    public void TrainStep()
    {
        _model.Train();
        _optimizer.ZeroGrad();
        Functional.NllLoss(_model.Call(_x), _y).Backward();
        _optimizer.Step();
    }

    [Benchmark]
    public void Evaluate()
    {
        using var scope = Tensor.NoGrad();
        _model.Eval();
        _model.Call(_x).ArgMax(1);
    }

    [Benchmark]
    public void LinearForward() => Gemm.Multiply(false, true, 64, 600, 1152, 1f, _input, 1152, _weight, 1152, 0f, _out, 600);

    [Benchmark]
    public void ConvWeightGradient() => Gemm.Multiply(false, true, 32, 144, 9216, 1f, _grad, 9216, _cols, 9216, 0f, _dW, 144);
}
