namespace Autograder.Tensors.NN;

/// <summary>A multi-layer LSTM over a sequence, as <c>torch.nn.LSTM</c>.</summary>
public sealed class LSTM : RecurrentLayer<LSTMCell, (Tensor H, Tensor C)>
{
    /// <summary>Initializes a new instance of the <see cref="LSTM"/> class.</summary>
    public LSTM(int inputSize, int hiddenSize, int numLayers = 1, bool batchFirst = false, bool bias = true, Generator? generator = null, DType dtype = DType.Float32)
        : base(numLayers, batchFirst, layer => new LSTMCell(layer == 0 ? inputSize : hiddenSize, hiddenSize, bias, generator, dtype)) => RegisterCells();

    /// <summary>Runs the sequence from (h0, c0) (each num_layers, N, H; zeros by default); returns the outputs and (h_n, c_n).</summary>
    /// <param name="input">(T, N, I), or (N, T, I) when batch-first.</param>
    /// <param name="state">The initial (h0, c0); zeros by default.</param>
    /// <param name="lengths">Each sequence's real length (int64, N), to skip the padding as a packed sequence does; null: every step is real.</param>
    public (Tensor Output, (Tensor H, Tensor C) State) Forward(Tensor input, (Tensor H, Tensor C)? state = null, Tensor? lengths = null)
    {
        var initial = state is { } s ? s.H.Unbind().Zip(s.C.Unbind()).ToArray() : null;
        var (output, finals) = Run(input, initial, lengths);
        return (output, (Tensor.Stack([.. finals.Select(f => f.H)]), Tensor.Stack([.. finals.Select(f => f.C)])));
    }

    /// <summary>Wraps this layer as a tensor-to-tensor module that returns the output sequence.</summary>
    public ModuleAdapter AsModule() => new(this, x => Forward(x).Output);

    /// <summary>The whole layer as one graph node (<see cref="Functional.LstmLayer"/>): the input projection done for all steps at once.</summary>
    protected override (Tensor Output, (Tensor H, Tensor C) Final) RunLayer(LSTMCell cell, Tensor x, (Tensor H, Tensor C) state, int[] running)
    {
        ArgumentNullException.ThrowIfNull(cell);
        // The two biases summed first and added inside the layer's kernel: no pass over the whole (T, N, 4H) projection.
        var bias = cell.BiasIh is { } biasIh && cell.BiasHh is { } biasHh ? biasIh + biasHh : null;
        var (output, h, c) = Functional.LstmLayer(x.MatMul(cell.WeightIh.T), cell.WeightHh, bias, state.H, state.C, running);
        return (output, (h, c));
    }

    /// <inheritdoc/>
    protected override (Tensor H, Tensor C) Step(LSTMCell cell, Tensor projectedInput, (Tensor H, Tensor C) state) => cell.Step(projectedInput, state);

    /// <inheritdoc/>
    protected override Tensor Hidden((Tensor H, Tensor C) state) => state.H;

    /// <inheritdoc/>
    protected override (Tensor H, Tensor C) ZeroState(int batch, int hiddenSize, DType dtype)
    {
        var zeros = Tensor.Zeros([batch, hiddenSize], dtype);
        return (zeros, zeros);
    }

    /// <inheritdoc/>
    protected override (Tensor H, Tensor C) Map((Tensor H, Tensor C) state, Func<Tensor, Tensor> f) => (f(state.H), f(state.C));

    /// <inheritdoc/>
    protected override (Tensor H, Tensor C) Join(IReadOnlyList<(Tensor H, Tensor C)> states, Func<IReadOnlyList<Tensor>, Tensor> join) =>
        (join([.. states.Select(s => s.H)]), join([.. states.Select(s => s.C)]));
}
