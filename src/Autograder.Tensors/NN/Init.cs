namespace Autograder.Tensors.NN;

/// <summary>Parameter initialisation as PyTorch does it, drawing from a seeded generator (PyTorch's <c>nn.init</c>).</summary>
/// <remarks>Layers created without a generator draw from <see cref="DefaultGenerator"/>, which <see cref="ManualSeed"/> resets (like <c>torch.manual_seed</c>).</remarks>
public static class Init
{
    /// <summary>Gets the generator that layers use when none is given.</summary>
    public static Generator DefaultGenerator { get; private set; } = new(0);

    /// <summary>Resets <see cref="DefaultGenerator"/> to a seed.</summary>
    public static void ManualSeed(long seed) => DefaultGenerator = new Generator(seed);

    /// <summary>Uniform samples from [low, high).</summary>
    public static Tensor Uniform(int[] shape, double low, double high, Generator? generator = null, DType dtype = DType.Float32)
    {
        using var scope = Tensor.NoGrad();
        return (Tensor.Rand(generator ?? DefaultGenerator, shape, dtype) * (high - low)) + low;
    }

    /// <summary>Normal samples with the given mean and standard deviation.</summary>
    public static Tensor Normal(int[] shape, double mean = 0, double std = 1, Generator? generator = null, DType dtype = DType.Float32)
    {
        using var scope = Tensor.NoGrad();
        return (Tensor.Randn(generator ?? DefaultGenerator, shape, dtype) * std) + mean;
    }

    /// <summary>PyTorch's default for Linear and Conv weights and biases: U(−1/√fanIn, 1/√fanIn) (kaiming_uniform with a = √5).</summary>
    public static Tensor FanInUniform(int[] shape, int fanIn, Generator? generator = null, DType dtype = DType.Float32)
    {
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        return Uniform(shape, -bound, bound, generator, dtype);
    }

    /// <summary>Xavier/Glorot uniform: U(−b, b) with b = gain·√(6 / (fanIn + fanOut)).</summary>
    public static Tensor XavierUniform(int[] shape, int fanIn, int fanOut, double gain = 1, Generator? generator = null, DType dtype = DType.Float32)
    {
        var bound = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
        return Uniform(shape, -bound, bound, generator, dtype);
    }
}
