using Autograder.Tensors;

namespace Autograder.Grading.Checks;

/// <summary>What a probe gets: a seeded generator (so inputs are the same for the student and the reference), the seed, the run's settings, and a way to report progress.</summary>
/// <param name="seed">The seed: fixed for public checks, derived from the student id for hidden ones.</param>
/// <param name="settings">The run's settings (e.g. <c>quick</c>, <c>repo</c>); empty by default.</param>
/// <param name="progress">Told (fraction done, what is happening) by long probes such as experiments; null to ignore.</param>
public sealed class ProbeContext(long seed, IReadOnlyDictionary<string, string>? settings = null, Action<double, string>? progress = null)
{
    /// <summary>Gets the seed.</summary>
    public long Seed { get; } = seed;

    /// <summary>Gets the generator for inputs, seeded with <see cref="Seed"/>.</summary>
    public Generator Generator { get; } = new(seed);

    /// <summary>Gets the run's settings (see <see cref="RunSettings"/> for the known names).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = settings ?? new Dictionary<string, string>();

    /// <summary>Gets whether the run asked for the quick variant of experiments (a data subset, fewer epochs).</summary>
    public bool Quick => RunSettings.IsQuick(Settings);

    /// <summary>Draws a float64 tensor of standard normal values.</summary>
    public Tensor Randn(params int[] shape) => Tensor.Randn(Generator, shape, DType.Float64);

    /// <summary>Draws int64 values in [low, high).</summary>
    public Tensor Randint(long low, long high, params int[] shape) => Tensor.Randint(Generator, low, high, shape);

    /// <summary>Reports progress (shown by the host as a progress bar).</summary>
    /// <param name="fraction">How much is done, in [0, 1].</param>
    /// <param name="message">What is happening, in a few words.</param>
    public void Report(double fraction, string message) => progress?.Invoke(Math.Clamp(fraction, 0, 1), message);
}
