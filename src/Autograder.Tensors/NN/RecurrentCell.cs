namespace Autograder.Tensors.NN;

/// <summary>The parameters shared by RNN, LSTM and GRU cells: W_ih (G·H, I), W_hh (G·H, H), b_ih, b_hh, all U(−1/√H, 1/√H).</summary>
/// <remarks>G is the number of gate blocks stacked in the weights (1 for RNN, 4 for LSTM, 3 for GRU), in PyTorch's order.</remarks>
public abstract class RecurrentCell : Module
{
    private readonly Holder _weightIh;
    private readonly Holder _weightHh;
    private readonly Holder? _biasIh;
    private readonly Holder? _biasHh;

    /// <summary>Initializes a new instance of the <see cref="RecurrentCell"/> class.</summary>
    protected RecurrentCell(int inputSize, int hiddenSize, int gates, bool bias, Generator? generator, DType dtype)
    {
        (InputSize, HiddenSize) = (inputSize, hiddenSize);
        _weightIh = RegisterParameter("weight_ih", Init.FanInUniform([gates * hiddenSize, inputSize], hiddenSize, generator, dtype));
        _weightHh = RegisterParameter("weight_hh", Init.FanInUniform([gates * hiddenSize, hiddenSize], hiddenSize, generator, dtype));
        _biasIh = bias ? RegisterParameter("bias_ih", Init.FanInUniform([gates * hiddenSize], hiddenSize, generator, dtype)) : null;
        _biasHh = bias ? RegisterParameter("bias_hh", Init.FanInUniform([gates * hiddenSize], hiddenSize, generator, dtype)) : null;
    }

    /// <summary>Gets the parameters' holders with their names (for layers that register them under their own names).</summary>
    internal IEnumerable<(string Name, Holder Holder)> ParameterHolders()
    {
        yield return ("weight_ih", _weightIh);
        yield return ("weight_hh", _weightHh);
        if (_biasIh is not null && _biasHh is not null)
        {
            yield return ("bias_ih", _biasIh);
            yield return ("bias_hh", _biasHh);
        }
    }

    /// <summary>Gets the input feature size I.</summary>
    public int InputSize { get; }

    /// <summary>Gets the hidden size H.</summary>
    public int HiddenSize { get; }

    /// <summary>Gets W_ih.</summary>
    public Tensor WeightIh => _weightIh.Value;

    /// <summary>Gets W_hh.</summary>
    public Tensor WeightHh => _weightHh.Value;

    /// <summary>Gets b_ih, or null without biases.</summary>
    internal Tensor? BiasIh => _biasIh?.Value;

    /// <summary>Gets b_hh, or null without biases.</summary>
    internal Tensor? BiasHh => _biasHh?.Value;

    /// <summary>x W_ihᵀ + b_ih for inputs (…, I): done for a whole sequence at once by the layers.</summary>
    public Tensor InputProjection(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Shape[^1] != InputSize)
        {
            ThrowHelper.Shape(GetType().Name, $"expected input features of size {InputSize}; got input of shape {ThrowHelper.Dims(x.Shape)}.");
        }

        var projected = x.MatMul(WeightIh.T);
        return _biasIh is null ? projected : projected + _biasIh.Value;
    }

    /// <summary>h W_hhᵀ + b_hh.</summary>
    public Tensor HiddenProjection(Tensor h)
    {
        var projected = Functional.NotNull(h).MatMul(WeightHh.T);
        return _biasHh is null ? projected : projected + _biasHh.Value;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"{InputSize}, {HiddenSize}";
}
