namespace Autograder.Tensors.NN;

/// <summary>A multi-layer Elman RNN over a sequence, as <c>torch.nn.RNN</c>.</summary>
public sealed class RNN : RecurrentLayer<RNNCell, Tensor>
{
    /// <summary>Initializes a new instance of the <see cref="RNN"/> class.</summary>
    public RNN(int inputSize, int hiddenSize, int numLayers = 1, bool batchFirst = false, bool bias = true, bool relu = false, Generator? generator = null, DType dtype = DType.Float32)
        : base(numLayers, batchFirst, layer => new RNNCell(layer == 0 ? inputSize : hiddenSize, hiddenSize, bias, relu, generator, dtype)) => RegisterCells();

    /// <summary>Runs the sequence from h0 (num_layers, N, H; zeros by default); returns the outputs and h_n (num_layers, N, H).</summary>
    /// <param name="input">(T, N, I), or (N, T, I) when batch-first.</param>
    /// <param name="h0">The initial state (num_layers, N, H); zeros by default.</param>
    /// <param name="lengths">Each sequence's real length (int64, N), to skip the padding as a packed sequence does; null: every step is real.</param>
    public (Tensor Output, Tensor H) Forward(Tensor input, Tensor? h0 = null, Tensor? lengths = null)
    {
        var (output, finals) = Run(input, h0?.Unbind(), lengths);
        return (output, Tensor.Stack(finals));
    }

    /// <summary>The whole layer as one graph node (<see cref="Functional.RnnLayer"/>), the input projection done for all steps at once.</summary>
    protected override (Tensor Output, Tensor Final) RunLayer(RNNCell cell, Tensor x, Tensor state, int[] running)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var bias = cell.BiasIh is { } biasIh && cell.BiasHh is { } biasHh ? biasIh + biasHh : null;
        return Functional.RnnLayer(x.MatMul(cell.WeightIh.T), cell.WeightHh, bias, state, running, cell.Relu);
    }

    /// <inheritdoc/>
    protected override Tensor Step(RNNCell cell, Tensor projectedInput, Tensor state) => cell.Step(projectedInput, state);

    /// <inheritdoc/>
    protected override Tensor Hidden(Tensor state) => state;

    /// <inheritdoc/>
    protected override Tensor ZeroState(int batch, int hiddenSize, DType dtype) => Tensor.Zeros([batch, hiddenSize], dtype);

    /// <inheritdoc/>
    protected override Tensor Map(Tensor state, Func<Tensor, Tensor> f) => f(state);

    /// <inheritdoc/>
    protected override Tensor Join(IReadOnlyList<Tensor> states, Func<IReadOnlyList<Tensor>, Tensor> join) => join(states);
}
