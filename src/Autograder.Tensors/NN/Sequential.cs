using System.Collections;
using System.Globalization;

namespace Autograder.Tensors.NN;

/// <summary>Runs modules in order, each on the previous one's output; they are named "0", "1", … as in PyTorch.</summary>
public sealed class Sequential : Module<Tensor, Tensor>, IEnumerable<Module<Tensor, Tensor>>
{
    private readonly List<Module<Tensor, Tensor>> _layers = [];

    /// <summary>Initializes a new instance of the <see cref="Sequential"/> class.</summary>
    public Sequential(params Module<Tensor, Tensor>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers)
        {
            Add(layer);
        }
    }

    /// <summary>Gets the number of layers.</summary>
    public int Count => _layers.Count;

    /// <summary>Gets a layer by position.</summary>
    public Module<Tensor, Tensor> this[int index] => _layers[index];

    /// <summary>Appends a layer.</summary>
    public void Add(Module<Tensor, Tensor> layer) =>
        _layers.Add(RegisterModule(_layers.Count.ToString(CultureInfo.InvariantCulture), layer));

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Call(x);
        }

        return x;
    }

    /// <inheritdoc/>
    public IEnumerator<Module<Tensor, Tensor>> GetEnumerator() => _layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
