using System.Globalization;

namespace Autograder.Tensors.NN;

/// <summary>Runs a stack of recurrent cells over a sequence; the base of <see cref="RNN"/>, <see cref="LSTM"/> and <see cref="GRU"/>.</summary>
/// <typeparam name="TCell">The cell type.</typeparam>
/// <typeparam name="TState">The per-layer state (h, or (h, c)).</typeparam>
/// <remarks>
/// Inputs are (T, N, I), or (N, T, I) when <see cref="BatchFirst"/>. Each layer's input projection is one matrix
/// product over the whole sequence; only the hidden projection runs step by step. Parameters are named as in
/// PyTorch (<c>weight_ih_l0</c>, <c>weight_hh_l0</c>, <c>bias_ih_l0</c>, …) so state dicts interchange.
/// </remarks>
public abstract class RecurrentLayer<TCell, TState> : Module
    where TCell : RecurrentCell
{
    private readonly List<TCell> _cells = [];

    /// <summary>Initializes a new instance of the <see cref="RecurrentLayer{TCell, TState}"/> class.</summary>
    protected RecurrentLayer(int numLayers, bool batchFirst, Func<int, TCell> cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (numLayers < 1)
        {
            ThrowHelper.Shape(GetType().Name, $"num_layers must be at least 1; got {numLayers}.");
        }

        BatchFirst = batchFirst;
        for (var layer = 0; layer < numLayers; layer++)
        {
            _cells.Add(cell(layer));
        }
    }

    /// <summary>Gets whether inputs and outputs are (N, T, ·).</summary>
    public bool BatchFirst { get; }

    /// <summary>Gets the cells, one per layer.</summary>
    public IReadOnlyList<TCell> Cells => _cells;

    /// <summary>Runs the sequence; returns every step's top-layer hidden state and each layer's final state.</summary>
    /// <param name="input">(T, N, I), or (N, T, I) when batch-first.</param>
    /// <param name="initial">Each layer's initial state (zeros by default).</param>
    public (Tensor Output, TState[] Final) Run(Tensor input, TState[]? initial = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim != 3)
        {
            ThrowHelper.Shape(GetType().Name, $"expected a 3-D input ({(BatchFirst ? "N, T, I" : "T, N, I")}); got {ThrowHelper.Dims(input.Shape)}.");
        }

        var x = BatchFirst ? input.Transpose(0, 1) : input;
        var finals = new TState[_cells.Count];
        for (var layer = 0; layer < _cells.Count; layer++)
        {
            var cell = _cells[layer];
            var projected = cell.InputProjection(x);
            var state = initial is null ? ZeroState(x.Shape[1], cell.HiddenSize, x.DType) : initial[layer];
            var outputs = new Tensor[x.Shape[0]];
            for (var t = 0; t < outputs.Length; t++)
            {
                state = Step(cell, projected[t], state);
                outputs[t] = Hidden(state);
            }

            finals[layer] = state;
            x = Tensor.Stack(outputs);
        }

        return (BatchFirst ? x.Transpose(0, 1) : x, finals);
    }

    /// <summary>Registers the cells' parameters under PyTorch's layer-suffixed names.</summary>
    protected void RegisterCells()
    {
        for (var layer = 0; layer < _cells.Count; layer++)
        {
            foreach (var (name, holder) in _cells[layer].ParameterHolders())
            {
                RegisterParameter(string.Create(CultureInfo.InvariantCulture, $"{name}_l{layer}"), holder);
            }
        }
    }

    /// <summary>Advances one step.</summary>
    protected abstract TState Step(TCell cell, Tensor projectedInput, TState state);

    /// <summary>The hidden output of a state.</summary>
    protected abstract Tensor Hidden(TState state);

    /// <summary>A zero state for a batch.</summary>
    protected abstract TState ZeroState(int batch, int hiddenSize, DType dtype);
}
