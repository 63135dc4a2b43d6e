using Autograder.Tensors;
using Autograder.Tensors.IO;

namespace Autograder.Grading.Checks;

/// <summary>What a probe saw: named tensors (outputs, gradients, predictions). Crosses the process boundary as an .npz file.</summary>
public sealed class Observation
{
    private readonly Dictionary<string, Tensor> _values = new(StringComparer.Ordinal);

    /// <summary>Gets the names, in insertion order.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>Gets or sets a value (stored detached and contiguous).</summary>
    public Tensor this[string name]
    {
        get => _values.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"The observation has no value '{name}'; it has: {string.Join(", ", _values.Keys)}.");
        set => _values[name] = (value ?? throw new ArgumentNullException(nameof(value))).Detach().Contiguous();
    }

    /// <summary>Records a number.</summary>
    public void Set(string name, double value) => this[name] = Tensor.Scalar(value, DType.Float64);

    /// <summary>Returns whether a value is present.</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>Writes the observation as an .npz archive.</summary>
    public void Save(string path) => Npz.Write(path, _values);

    /// <summary>Reads an observation written by <see cref="Save"/>.</summary>
    public static Observation Load(string path)
    {
        var observation = new Observation();
        foreach (var (name, value) in Npz.Read(path))
        {
            observation._values[name] = value;
        }

        return observation;
    }
}
