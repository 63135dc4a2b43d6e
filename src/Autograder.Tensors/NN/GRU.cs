namespace Autograder.Tensors.NN;

/// <summary>A multi-layer GRU over a sequence, as <c>torch.nn.GRU</c>.</summary>
public sealed class GRU : RecurrentLayer<GRUCell, Tensor>
{
    /// <summary>Initializes a new instance of the <see cref="GRU"/> class.</summary>
    public GRU(int inputSize, int hiddenSize, int numLayers = 1, bool batchFirst = false, bool bias = true, Generator? generator = null, DType dtype = DType.Float32)
        : base(numLayers, batchFirst, layer => new GRUCell(layer == 0 ? inputSize : hiddenSize, hiddenSize, bias, generator, dtype)) => RegisterCells();

    /// <summary>Runs the sequence from h0 (num_layers, N, H; zeros by default); returns the outputs and h_n.</summary>
    /// <param name="input">(T, N, I), or (N, T, I) when batch-first.</param>
    /// <param name="h0">The initial state (num_layers, N, H); zeros by default.</param>
    /// <param name="lengths">Each sequence's real length (int64, N), to skip the padding as a packed sequence does; null: every step is real.</param>
    public (Tensor Output, Tensor H) Forward(Tensor input, Tensor? h0 = null, Tensor? lengths = null)
    {
        var (output, finals) = Run(input, h0?.Unbind(), lengths);
        return (output, Tensor.Stack(finals));
    }

    /// <inheritdoc/>
    protected override Tensor Step(GRUCell cell, Tensor projectedInput, Tensor state) => cell.Step(projectedInput, state);

    /// <inheritdoc/>
    protected override Tensor Hidden(Tensor state) => state;

    /// <inheritdoc/>
    protected override Tensor ZeroState(int batch, int hiddenSize, DType dtype) => Tensor.Zeros([batch, hiddenSize], dtype);

    /// <inheritdoc/>
    protected override Tensor Map(Tensor state, Func<Tensor, Tensor> f) => f(state);

    /// <inheritdoc/>
    protected override Tensor Join(IReadOnlyList<Tensor> states, Func<IReadOnlyList<Tensor>, Tensor> join) => join(states);
}
