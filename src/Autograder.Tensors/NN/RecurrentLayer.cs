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
    /// <param name="lengths">
    /// Each sequence's number of real steps (int64, N; each 1 to T), or null when all T are real. Steps past a sequence's
    /// length are not computed, as with PyTorch's packed sequences: the outputs there are zeros, and the final state is the
    /// state after the last real step.
    /// </param>
    public (Tensor Output, TState[] Final) Run(Tensor input, TState[]? initial = null, Tensor? lengths = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim != 3)
        {
            ThrowHelper.Shape(GetType().Name, $"expected a 3-D input ({(BatchFirst ? "N, T, I" : "T, N, I")}); got {ThrowHelper.Dims(input.Shape)}.");
        }

        var x = BatchFirst ? input.Transpose(0, 1) : input;
        if (initial is not null && initial.Length != _cells.Count)
        {
            ThrowHelper.Shape(GetType().Name, $"expected an initial state for each of the {_cells.Count} layers; got {initial.Length}.");
        }

        var (steps, batch) = (x.Shape[0], x.Shape[1]);
        var length = lengths is null ? null : Lengths(lengths, steps, batch);

        // With lengths, the batch is sorted longest first, so that the sequences still running at step t are the first
        // running[t] rows, and restored at the end.
        var order = length is null ? null : Enumerable.Range(0, batch).OrderByDescending(i => length[i]).ToArray();
        var sorted = order is null || order.Select((row, i) => row == i).All(same => same);
        if (!sorted)
        {
            var permutation = Tensor.FromArray(order!.Select(i => (long)i).ToArray(), batch);
            x = x.IndexSelect(1, permutation);
            initial = initial?.Select(s => Map(s, t => t.IndexSelect(0, permutation))).ToArray();
        }

        var running = new int[steps];
        for (var t = 0; t < steps; t++)
        {
            running[t] = length is null ? batch : length.Count(l => l > t);
        }

        var finals = new TState[_cells.Count];
        for (var layer = 0; layer < _cells.Count; layer++)
        {
            var state = initial is null ? ZeroState(batch, _cells[layer].HiddenSize, x.DType) : initial[layer];
            (x, finals[layer]) = RunLayer(_cells[layer], x, state, running);
        }

        if (!sorted)
        {
            var inverse = new long[batch];
            for (var i = 0; i < batch; i++)
            {
                inverse[order![i]] = i;
            }

            var restore = Tensor.FromArray(inverse, batch);
            (x, finals) = (x.IndexSelect(1, restore), [.. finals.Select(s => Map(s, t => t.IndexSelect(0, restore)))]);
        }

        return (BatchFirst ? x.Transpose(0, 1) : x, finals);
    }

    /// <summary>
    /// Runs one layer over the sequence, step by step in the graph: each step computes the running rows only, and a
    /// sequence's final state is set aside when it ends.
    /// </summary>
    /// <param name="cell">The layer's cell.</param>
    /// <param name="x">(T, N, I), sorted longest first when the lengths differ.</param>
    /// <param name="state">The initial state.</param>
    /// <param name="running">For each step, how many sequences (a prefix of the batch) have a real step there.</param>
    /// <returns>The outputs (T, N, H), zeros past each sequence's end, and each sequence's final state.</returns>
    protected virtual (Tensor Output, TState Final) RunLayer(TCell cell, Tensor x, TState state, int[] running)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(running);
        var batch = x.Shape[1];
        var projected = cell.InputProjection(x);
        var ended = new List<TState>();
        var outputs = new Tensor[running.Length];
        var rows = batch;
        for (var t = 0; t < outputs.Length; t++)
        {
            if (running[t] < rows)
            {
                // Sequences running[t]..rows-1 ended at step t - 1: their state is final. Kept last rows first.
                var (keep, current) = (running[t], state);
                ended.Add(Map(current, s => s.Narrow(0, keep, rows - keep)));
                state = Map(current, s => s.Narrow(0, 0, keep));
                rows = keep;
            }

            if (rows == 0)
            {
                outputs[t] = Tensor.Zeros([batch, cell.HiddenSize], x.DType);
                continue;
            }

            state = Step(cell, rows == batch ? projected[t] : projected[t].Narrow(0, 0, rows), state);
            var hidden = Hidden(state);
            outputs[t] = rows == batch ? hidden : hidden.Pad([0, 0, 0, batch - rows]);
        }

        if (rows > 0)
        {
            ended.Add(state);
        }

        ended.Reverse();
        return (Tensor.Stack(outputs), ended.Count == 1 ? ended[0] : Join(ended, parts => Tensor.Cat(parts)));
    }

    private long[] Lengths(Tensor lengths, int steps, int batch)
    {
        if (lengths.DType != DType.Int64 || lengths.Dim != 1 || lengths.Shape[0] != batch)
        {
            ThrowHelper.Shape(GetType().Name, $"expected lengths as {batch} int64 values, one per sequence; got {lengths.DType.Name()} {ThrowHelper.Dims(lengths.Shape)}.");
        }

        var values = lengths.ToArray<long>();
        var outside = Array.FindIndex(values, l => l < 1 || l > steps);
        if (outside >= 0)
        {
            ThrowHelper.Shape(GetType().Name, $"every length must be between 1 and the {steps} steps of the input; sequence {outside} has length {values[outside]}.");
        }

        return values;
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

    /// <summary>Applies <paramref name="f"/> to each tensor of a state (h, or h and c).</summary>
    protected abstract TState Map(TState state, Func<Tensor, Tensor> f);

    /// <summary>Joins states tensor by tensor with <paramref name="join"/>.</summary>
    protected abstract TState Join(IReadOnlyList<TState> states, Func<IReadOnlyList<Tensor>, Tensor> join);
}
