using Autograder.Kernels.Recurrent;

namespace Autograder.Tensors.Ops;

/// <summary>The fused LSTM step and the LSTM and RNN layers on the recurrent kernels (no graph).</summary>
internal static class RecurrentOps
{
    /// <summary>Returns the (2, N, H) output [h'; c'], and the activated gates and tanh(c') that backward needs.</summary>
    public static (Tensor Output, Tensor Gates, Tensor TanhCell) LstmCellForward(Tensor preactivations, Tensor cell)
    {
        var (n, h) = (cell.Shape[0], cell.Shape[1]);
        var a = StridedCopy.AsContiguous(preactivations);
        var c = StridedCopy.AsContiguous(cell);
        var output = Tensor.Uninitialized([2, n, h], cell.DType);
        var gates = Tensor.Uninitialized([n, 4 * h], cell.DType);
        var tanhCell = Tensor.Uninitialized([n, h], cell.DType);
        if (cell.DType == DType.Float32)
        {
            var o = output.ContiguousSpan<float>();
            LstmCell.Forward<float>(a.ContiguousSpan<float>(), c.ContiguousSpan<float>(), h, gates.ContiguousSpan<float>(), o[..(n * h)], o[(n * h)..], tanhCell.ContiguousSpan<float>());
        }
        else
        {
            var o = output.ContiguousSpan<double>();
            LstmCell.Forward<double>(a.ContiguousSpan<double>(), c.ContiguousSpan<double>(), h, gates.ContiguousSpan<double>(), o[..(n * h)], o[(n * h)..], tanhCell.ContiguousSpan<double>());
        }

        return (output, gates, tanhCell);
    }

    /// <summary>Returns the gradients of the pre-activations (N, 4H) and, when asked, of the previous cell state (N, H).</summary>
    public static (Tensor Preactivations, Tensor? Cell) LstmCellBackward(Tensor gradOutput, Tensor gates, Tensor cell, Tensor tanhCell, bool wantCell)
    {
        var (n, h) = (cell.Shape[0], cell.Shape[1]);
        var g = StridedCopy.AsContiguous(gradOutput);
        var c = StridedCopy.AsContiguous(cell);
        var gradPreactivations = Tensor.Uninitialized([n, 4 * h], cell.DType);
        var gradCell = wantCell ? Tensor.Uninitialized([n, h], cell.DType) : null;
        if (cell.DType == DType.Float32)
        {
            var d = g.ContiguousSpan<float>();
            LstmCell.Backward<float>(d[..(n * h)], d[(n * h)..], gates.ContiguousSpan<float>(), c.ContiguousSpan<float>(), tanhCell.ContiguousSpan<float>(), h,
                gradPreactivations.ContiguousSpan<float>(), gradCell is null ? [] : gradCell.ContiguousSpan<float>());
        }
        else
        {
            var d = g.ContiguousSpan<double>();
            LstmCell.Backward<double>(d[..(n * h)], d[(n * h)..], gates.ContiguousSpan<double>(), c.ContiguousSpan<double>(), tanhCell.ContiguousSpan<double>(), h,
                gradPreactivations.ContiguousSpan<double>(), gradCell is null ? [] : gradCell.ContiguousSpan<double>());
        }

        return (gradPreactivations, gradCell);
    }

    /// <summary>What the LSTM layer's forward pass keeps for backward.</summary>
    public sealed record LstmSequenceState(Tensor Gates, Tensor Hidden, Tensor Cell, Tensor TanhCell);

    /// <summary>
    /// Runs an LSTM layer over a sequence (<see cref="LstmSequence"/>); returns (T + 2, N, H): the T outputs (zeros past each
    /// sequence's end), then the final h and the final c of each sequence.
    /// </summary>
    public static (Tensor Result, LstmSequenceState Saved) LstmSequenceForward(Tensor projected, Tensor weightHh, Tensor? bias, Tensor h0, Tensor c0, int[] running)
    {
        var (steps, batch, h) = (projected.Shape[0], projected.Shape[1], h0.Shape[1]);
        // Only the hidden states must start as zeros: the weight gradient reads them for every row, run or not (times a zero
        // gradient, which an uninitialised NaN would still spoil). The other buffers are read only where written.
        var saved = new LstmSequenceState(Tensor.Uninitialized([steps, batch, 4 * h], h0.DType), Tensor.Zeros([steps + 1, batch, h], h0.DType),
            Tensor.Uninitialized([steps + 1, batch, h], h0.DType), Tensor.Uninitialized([steps, batch, h], h0.DType));
        saved.Hidden[0].CopyFrom(h0);
        saved.Cell[0].CopyFrom(c0);
        var p = StridedCopy.AsContiguous(projected);
        var w = StridedCopy.AsContiguous(weightHh);
        var b = bias is null ? null : StridedCopy.AsContiguous(bias);
        if (h0.DType == DType.Float32)
        {
            LstmSequence.Forward<float>(p.ContiguousSpan<float>(), w.ContiguousSpan<float>(), b is null ? [] : b.ContiguousSpan<float>(), running, batch, h, saved.Gates.ContiguousSpan<float>(),
                saved.Hidden.ContiguousSpan<float>(), saved.Cell.ContiguousSpan<float>(), saved.TanhCell.ContiguousSpan<float>());
        }
        else
        {
            LstmSequence.Forward<double>(p.ContiguousSpan<double>(), w.ContiguousSpan<double>(), b is null ? [] : b.ContiguousSpan<double>(), running, batch, h, saved.Gates.ContiguousSpan<double>(),
                saved.Hidden.ContiguousSpan<double>(), saved.Cell.ContiguousSpan<double>(), saved.TanhCell.ContiguousSpan<double>());
        }

        var result = Tensor.Uninitialized([steps + 2, batch, h], h0.DType);
        result.Slice(0, 0, steps).CopyFrom(saved.Hidden.Slice(0, 1, steps + 1));
        var rows = FinalRows(running, batch);
        result[steps].CopyFrom(saved.Hidden.Reshape(-1, h).IndexSelect(0, rows));
        result[steps + 1].CopyFrom(saved.Cell.Reshape(-1, h).IndexSelect(0, rows));
        return (result, saved);
    }

    /// <summary>The gradients of the projected inputs, W_hh, the bias, h0 and c0 from the gradient of the (T + 2, N, H) result.</summary>
    public static (Tensor Projected, Tensor WeightHh, Tensor Bias, Tensor H0, Tensor C0) LstmSequenceBackward(Tensor gradResult, Tensor weightHh, LstmSequenceState saved, int[] running)
    {
        var (steps, batch, h) = (running.Length, gradResult.Shape[1], gradResult.Shape[2]);
        var g = StridedCopy.AsContiguous(gradResult);
        var w = StridedCopy.AsContiguous(weightHh);
        var dtype = gradResult.DType;
        var (dProjected, dWeight, dBias) = (Tensor.Zeros([steps, batch, 4 * h], dtype), Tensor.Uninitialized([4 * h, h], dtype), Tensor.Uninitialized([4 * h], dtype));
        var (dH0, dC0, scratch) = (Tensor.Zeros([batch, h], dtype), Tensor.Zeros([batch, h], dtype), Tensor.Uninitialized([batch, h], dtype));
        var states = batch * h;
        var real = RunningRows.Total(running);
        var packed = real == steps * batch ? 0 : real;
        var (packedGates, packedHidden) = (Tensor.Uninitialized([packed, 4 * h], dtype), Tensor.Uninitialized([packed, h], dtype));
        if (dtype == DType.Float32)
        {
            var d = g.ContiguousSpan<float>();
            LstmSequence.Backward<float>(d[..(steps * states)], d.Slice(steps * states, states), d.Slice((steps + 1) * states, states), w.ContiguousSpan<float>(),
                saved.Gates.ContiguousSpan<float>(), saved.Hidden.ContiguousSpan<float>(), saved.Cell.ContiguousSpan<float>(), saved.TanhCell.ContiguousSpan<float>(),
                running, batch, h, dProjected.ContiguousSpan<float>(), dWeight.ContiguousSpan<float>(), dBias.ContiguousSpan<float>(), dH0.ContiguousSpan<float>(), dC0.ContiguousSpan<float>(),
                scratch.ContiguousSpan<float>(), packedGates.ContiguousSpan<float>(), packedHidden.ContiguousSpan<float>());
        }
        else
        {
            var d = g.ContiguousSpan<double>();
            LstmSequence.Backward<double>(d[..(steps * states)], d.Slice(steps * states, states), d.Slice((steps + 1) * states, states), w.ContiguousSpan<double>(),
                saved.Gates.ContiguousSpan<double>(), saved.Hidden.ContiguousSpan<double>(), saved.Cell.ContiguousSpan<double>(), saved.TanhCell.ContiguousSpan<double>(),
                running, batch, h, dProjected.ContiguousSpan<double>(), dWeight.ContiguousSpan<double>(), dBias.ContiguousSpan<double>(), dH0.ContiguousSpan<double>(), dC0.ContiguousSpan<double>(),
                scratch.ContiguousSpan<double>(), packedGates.ContiguousSpan<double>(), packedHidden.ContiguousSpan<double>());
        }

        return (dProjected, dWeight, dBias, dH0, dC0);
    }

    /// <summary>Each row's number of real steps, which is also the index of its final state in the (T + 1)-step buffers.</summary>
    private static int[] LastSteps(int[] running, int batch)
    {
        var last = new int[batch];
        foreach (var count in running)
        {
            for (var r = 0; r < count; r++)
            {
                last[r]++;
            }
        }

        return last;
    }

    /// <summary>Runs an Elman RNN layer over a sequence (<see cref="RnnSequence"/>); returns (T + 1, N, H): the T outputs, then each sequence's final h, and the states kept for backward.</summary>
    public static (Tensor Result, Tensor Hidden) RnnSequenceForward(Tensor projected, Tensor weightHh, Tensor? bias, Tensor h0, int[] running, bool relu)
    {
        var (steps, batch, h) = (projected.Shape[0], projected.Shape[1], h0.Shape[1]);
        var hidden = Tensor.Zeros([steps + 1, batch, h], h0.DType);
        hidden[0].CopyFrom(h0);
        var (p, w, b) = (StridedCopy.AsContiguous(projected), StridedCopy.AsContiguous(weightHh), bias is null ? null : StridedCopy.AsContiguous(bias));
        if (h0.DType == DType.Float32)
        {
            RnnSequence.Forward<float>(p.ContiguousSpan<float>(), w.ContiguousSpan<float>(), b is null ? [] : b.ContiguousSpan<float>(), running, batch, h, relu, hidden.ContiguousSpan<float>());
        }
        else
        {
            RnnSequence.Forward<double>(p.ContiguousSpan<double>(), w.ContiguousSpan<double>(), b is null ? [] : b.ContiguousSpan<double>(), running, batch, h, relu, hidden.ContiguousSpan<double>());
        }

        var result = Tensor.Uninitialized([steps + 1, batch, h], h0.DType);
        result.Slice(0, 0, steps).CopyFrom(hidden.Slice(0, 1, steps + 1));
        result[steps].CopyFrom(hidden.Reshape(-1, h).IndexSelect(0, FinalRows(running, batch)));
        return (result, hidden);
    }

    /// <summary>The gradients of the projected inputs, W_hh, the bias and h0 from the gradient of the (T + 1, N, H) result.</summary>
    public static (Tensor Projected, Tensor WeightHh, Tensor Bias, Tensor H0) RnnSequenceBackward(Tensor gradResult, Tensor weightHh, Tensor hidden, int[] running, bool relu)
    {
        var (steps, batch, h) = (running.Length, gradResult.Shape[1], gradResult.Shape[2]);
        var (g, w, dtype) = (StridedCopy.AsContiguous(gradResult), StridedCopy.AsContiguous(weightHh), gradResult.DType);
        var (dProjected, dWeight, dBias, dH0) = (Tensor.Zeros([steps, batch, h], dtype), Tensor.Uninitialized([h, h], dtype), Tensor.Uninitialized([h], dtype), Tensor.Zeros([batch, h], dtype));
        var real = RunningRows.Total(running);
        var packed = real == steps * batch ? 0 : real;
        var (packedGradients, packedHidden) = (Tensor.Uninitialized([packed, h], dtype), Tensor.Uninitialized([packed, h], dtype));
        var states = batch * h;
        if (dtype == DType.Float32)
        {
            var d = g.ContiguousSpan<float>();
            RnnSequence.Backward<float>(d[..(steps * states)], d.Slice(steps * states, states), w.ContiguousSpan<float>(), hidden.ContiguousSpan<float>(), running, batch, h, relu,
                dProjected.ContiguousSpan<float>(), dWeight.ContiguousSpan<float>(), dBias.ContiguousSpan<float>(), dH0.ContiguousSpan<float>(), packedGradients.ContiguousSpan<float>(), packedHidden.ContiguousSpan<float>());
        }
        else
        {
            var d = g.ContiguousSpan<double>();
            RnnSequence.Backward<double>(d[..(steps * states)], d.Slice(steps * states, states), w.ContiguousSpan<double>(), hidden.ContiguousSpan<double>(), running, batch, h, relu,
                dProjected.ContiguousSpan<double>(), dWeight.ContiguousSpan<double>(), dBias.ContiguousSpan<double>(), dH0.ContiguousSpan<double>(), packedGradients.ContiguousSpan<double>(), packedHidden.ContiguousSpan<double>());
        }

        return (dProjected, dWeight, dBias, dH0);
    }

    /// <summary>For each row, its final state's row in a (T + 1)·N-row state buffer: step = its number of real steps.</summary>
    private static Tensor FinalRows(int[] running, int batch)
    {
        var last = LastSteps(running, batch);
        return Tensor.FromArray(Enumerable.Range(0, batch).Select(r => (long)((last[r] * batch) + r)).ToArray(), batch);
    }
}
