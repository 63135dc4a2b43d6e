using Autograder.Tensors;

namespace Autograder.Grading.Checks;

/// <summary>What a probe gets: a seeded generator (so inputs are the same for the student and the reference) and the seed itself.</summary>
/// <param name="seed">The seed: fixed for public checks, derived from the student id for hidden ones.</param>
public sealed class ProbeContext(long seed)
{
    /// <summary>Gets the seed.</summary>
    public long Seed { get; } = seed;

    /// <summary>Gets the generator for inputs, seeded with <see cref="Seed"/>.</summary>
    public Generator Generator { get; } = new(seed);

    /// <summary>Draws a float64 tensor of standard normal values.</summary>
    public Tensor Randn(params int[] shape) => Tensor.Randn(Generator, shape, DType.Float64);

    /// <summary>Draws int64 values in [low, high).</summary>
    public Tensor Randint(long low, long high, params int[] shape) => Tensor.Randint(Generator, low, high, shape);
}
