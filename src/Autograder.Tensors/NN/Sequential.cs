using System.Collections;
using System.Globalization;

namespace Autograder.Tensors.NN;

/// <summary>Runs modules in order, each on the previous one's output; they are named "0", "1", … as in PyTorch.</summary>
/// <remarks>
/// A <see cref="ReLU"/> followed by a <see cref="MaxPool2d"/> runs as the pool followed by the ReLU. A maximum commutes with
/// any non-decreasing function, so the output is the same bit for bit, NaNs included, and so is every gradient: where a
/// window's maximum is positive both orders send its gradient to the same first maximum; where it is not, both send zero.
/// The ReLU, forward and backward, then touches a quarter of the values for 2 × 2 windows: in the Fashion-MNIST CNN the
/// first ReLU's 3.2 MB per batch of 64 became 0.8 MB each way.
/// </remarks>
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
        for (var i = 0; i < _layers.Count; i++)
        {
            if (_layers[i] is ReLU relu && i + 1 < _layers.Count && _layers[i + 1] is MaxPool2d pool)
            {
                x = relu.Call(pool.Call(x));
                i++;
                continue;
            }

            x = _layers[i].Call(x);
        }

        return x;
    }

    /// <inheritdoc/>
    public IEnumerator<Module<Tensor, Tensor>> GetEnumerator() => _layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
