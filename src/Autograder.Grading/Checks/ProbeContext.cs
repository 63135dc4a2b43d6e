using Autograder.Tensors;

namespace Autograder.Grading.Checks;

/// <summary>What a probe gets: a seeded generator (so inputs are the same for the student and the reference), the seed, the run's settings, and a way to report progress.</summary>
/// <param name="seed">The seed: fixed for public checks, derived from the student id for hidden ones.</param>
/// <param name="settings">The run's settings (e.g. <c>quick</c>, <c>repo</c>); empty by default.</param>
/// <param name="progress">Told (fraction done, what is happening) by long probes such as experiments; null to ignore.</param>
public sealed class ProbeContext(long seed, IReadOnlyDictionary<string, string>? settings = null, Action<double, string>? progress = null)
{
    /// <summary>The observation entry that counts the drawn inputs the probe's calls changed (present only when some were).</summary>
    public const string ChangedInputsEntry = "__inputs_changed";

    /// <summary>Every tensor drawn for the probe, with a copy of its values as drawn.</summary>
    private readonly List<(Tensor Drawn, Tensor AsDrawn)> _drawn = [];

    /// <summary>Gets the seed.</summary>
    public long Seed { get; } = seed;

    /// <summary>Gets the generator for inputs, seeded with <see cref="Seed"/>.</summary>
    public Generator Generator { get; } = new(seed);

    /// <summary>Gets the run's settings (see <see cref="RunSettings"/> for the known names).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = settings ?? new Dictionary<string, string>();

    /// <summary>Gets whether the run asked for the quick variant of experiments (a data subset, fewer epochs).</summary>
    public bool Quick => RunSettings.IsQuick(Settings);

    /// <summary>Draws a float64 tensor of standard normal values.</summary>
    public Tensor Randn(params int[] shape) => Remember(Tensor.Randn(Generator, shape, DType.Float64));

    /// <summary>Draws int64 values in [low, high).</summary>
    public Tensor Randint(long low, long high, params int[] shape) => Remember(Tensor.Randint(Generator, low, high, shape));

    /// <summary>Records in <paramref name="observation"/> how many drawn tensors no longer hold the values they were drawn with (code that changed its input in place), when any.</summary>
    public void RecordChangedInputs(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var changed = _drawn.Count(d => !d.Drawn.Shape.SequenceEqual(d.AsDrawn.Shape) || !d.Drawn.Detach().Eq(d.AsDrawn).All());
        if (changed > 0)
        {
            observation.Set(ChangedInputsEntry, changed);
        }
    }

    /// <summary>
    /// A note for a failed check whose probe changed tensors it drew when the reference's run did not (see
    /// <see cref="CheckInfo.UpdatesInputs"/>), else empty.
    /// </summary>
    public static string InPlaceNote(CheckInfo info, Observation student, Observation expected)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(expected);
        return !info.UpdatesInputs && student.Contains(ChangedInputsEntry) && !expected.Contains(ChangedInputsEntry)
            ? $" Note: your code changed {student[ChangedInputsEntry].Item():0} of the tensors the grader passed in. A method that modifies an argument in place (x.Relu_(), x.Add_(…), x[i] = …) changes the caller's data, and later results go wrong with it: compute a new tensor instead."
            : "";
    }

    /// <summary>Reports progress (shown by the host as a progress bar).</summary>
    /// <param name="fraction">How much is done, in [0, 1].</param>
    /// <param name="message">What is happening, in a few words.</param>
    public void Report(double fraction, string message) => progress?.Invoke(Math.Clamp(fraction, 0, 1), message);

    private Tensor Remember(Tensor drawn)
    {
        _drawn.Add((drawn, drawn.Clone()));
        return drawn;
    }
}
