using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Autograder.Kernels.Recurrent;

/// <summary>
/// One LSTM layer over a whole sequence, forward and backpropagation through time, with the input projection already done
/// (it is one matrix product over all steps, outside).
/// </summary>
/// <remarks>
/// <para>
/// Recorded step by step, a sequence of T steps was about 5·T graph nodes, and every step allocated its pre-activations,
/// gates and gradients afresh (128 KB each for a batch of 64 and H = 128: large-object-heap arrays whose churn forced a full
/// collection about once per batch). Here each buffer is allocated once per sequence, the weight gradient Σₜ dAₜᵀ hₜ is one
/// matrix product over all steps instead of T small ones, and only the recurrence dhₜ = dAₜ W_hh stays sequential.
/// </para>
/// <para>
/// Variable lengths as PyTorch's packed sequences: the batch is sorted by length, longest first, so the sequences still
/// running at step t are the first <c>running[t]</c> rows; each step computes those rows only. Rows that have ended keep
/// their final state and are never read again; the hidden states of rows that did not run stay zero.
/// </para>
/// Layouts, row-major: projected and gates (T, N, 4H) in PyTorch's gate order (i, f, g, o); hidden and cell states
/// (T + 1, N, H), step 0 the initial state; the weight W_hh (4H, H).
/// </remarks>
public static class LstmSequence
{
    /// <summary>Runs the layer forward, keeping what backward needs.</summary>
    /// <param name="projected">(T, N, 4H): x W_ihᵀ for every step.</param>
    /// <param name="weightHh">(4H, H): W_hh.</param>
    /// <param name="bias">(4H): b_ih + b_hh, added to every row here rather than as a pass over the whole projection; empty for none.</param>
    /// <param name="running">T counts: how many sequences (a prefix of the batch) have a real step t; non-increasing.</param>
    /// <param name="batch">N.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="gates">(T, N, 4H), written for the running rows: the activated gates.</param>
    /// <param name="hidden">(T + 1, N, H), zeros with h0 at step 0, written for the running rows: every state (the rest stays zero).</param>
    /// <param name="cell">(T + 1, N, H), c0 at step 0, written for the running rows: every cell state.</param>
    /// <param name="tanhCell">(T, N, H), written for the running rows: tanh of every new cell state.</param>
    public static void Forward<T>(ReadOnlySpan<T> projected, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> bias, ReadOnlySpan<int> running, int batch, int hiddenSize,
        Span<T> gates, Span<T> hidden, Span<T> cell, Span<T> tanhCell)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (steps, h, g) = Check("LstmSequence.Forward", running, batch, hiddenSize, projected.Length, gates.Length, hidden.Length, cell.Length, tanhCell.Length);
        ThrowHelper.CheckLength("LstmSequence.Forward", nameof(weightHh), weightHh.Length, (long)g * h);
        if (!bias.IsEmpty)
        {
            ThrowHelper.CheckLength("LstmSequence.Forward", nameof(bias), bias.Length, g);
        }

        var (stepGates, stepStates) = (batch * g, batch * h);
        for (var t = 0; t < steps; t++)
        {
            var rows = running[t];
            if (rows == 0)
            {
                continue;
            }

            // A = projected + b + h W_hhᵀ, in place in the gates' buffer, then activated there.
            var a = gates.Slice(t * stepGates, rows * g);
            projected.Slice(t * stepGates, rows * g).CopyTo(a);
            if (!bias.IsEmpty)
            {
                for (var r = 0; r < rows; r++)
                {
                    TP.Add(a.Slice(r * g, g), bias[..g], a.Slice(r * g, g));
                }
            }

            var previous = hidden.Slice(t * stepStates, rows * h);
            Gemm.Gemm.Multiply(false, true, rows, g, h, T.One, previous, h, weightHh, h, T.One, a, g);
            LstmCell.Forward<T>(a, cell.Slice(t * stepStates, rows * h), h, a,
                hidden.Slice((t + 1) * stepStates, rows * h), cell.Slice((t + 1) * stepStates, rows * h), tanhCell.Slice(t * stepStates, rows * h));
        }
    }

    /// <summary>Backpropagation through time.</summary>
    /// <param name="gradOutput">(T, N, H): the gradient of every step's output h (rows past a sequence's end are ignored).</param>
    /// <param name="gradFinalHidden">(N, H): the gradient of each sequence's final h.</param>
    /// <param name="gradFinalCell">(N, H): the gradient of each sequence's final c.</param>
    /// <param name="weightHh">(4H, H): W_hh.</param>
    /// <param name="gates">The gates from <see cref="Forward"/>.</param>
    /// <param name="hidden">The hidden states from <see cref="Forward"/>.</param>
    /// <param name="cell">The cell states from <see cref="Forward"/>.</param>
    /// <param name="tanhCell">tanh of the cell states from <see cref="Forward"/>.</param>
    /// <param name="running">As given to <see cref="Forward"/>.</param>
    /// <param name="batch">N.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="gradProjected">(T, N, 4H), zeros, written: the gradient of the projected inputs (the pre-activations').</param>
    /// <param name="gradWeightHh">(4H, H), written: the gradient of W_hh.</param>
    /// <param name="gradBias">(4H), written: the gradient of the bias (Σ of dA over the real steps); empty when not needed.</param>
    /// <param name="gradInitialHidden">(N, H), zeros, written: the gradient of h0.</param>
    /// <param name="gradInitialCell">(N, H), zeros, written: the gradient of c0.</param>
    /// <param name="scratch">(N, H) of scratch space.</param>
    /// <param name="packedGates">(<see cref="RunningRows.Total"/>, 4H) of scratch space, unused when every row runs every step.</param>
    /// <param name="packedHidden">(<see cref="RunningRows.Total"/>, H) of scratch space, unused when every row runs every step.</param>
    public static void Backward<T>(ReadOnlySpan<T> gradOutput, ReadOnlySpan<T> gradFinalHidden, ReadOnlySpan<T> gradFinalCell, ReadOnlySpan<T> weightHh,
        ReadOnlySpan<T> gates, ReadOnlySpan<T> hidden, ReadOnlySpan<T> cell, ReadOnlySpan<T> tanhCell, ReadOnlySpan<int> running, int batch, int hiddenSize,
        Span<T> gradProjected, Span<T> gradWeightHh, Span<T> gradBias, Span<T> gradInitialHidden, Span<T> gradInitialCell, Span<T> scratch, Span<T> packedGates, Span<T> packedHidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string Op = "LstmSequence.Backward";
        var (steps, h, g) = Check(Op, running, batch, hiddenSize, gradProjected.Length, gates.Length, hidden.Length, cell.Length, tanhCell.Length);
        var stepStates = batch * h;
        ThrowHelper.CheckLength(Op, nameof(gradOutput), gradOutput.Length, (long)steps * stepStates);
        ThrowHelper.CheckLength(Op, nameof(gradFinalHidden), gradFinalHidden.Length, stepStates);
        ThrowHelper.CheckLength(Op, nameof(gradFinalCell), gradFinalCell.Length, stepStates);
        ThrowHelper.CheckLength(Op, nameof(weightHh), weightHh.Length, (long)g * h);
        ThrowHelper.CheckLength(Op, nameof(gradWeightHh), gradWeightHh.Length, (long)g * h);
        ThrowHelper.CheckLength(Op, nameof(gradInitialHidden), gradInitialHidden.Length, stepStates);
        ThrowHelper.CheckLength(Op, nameof(gradInitialCell), gradInitialCell.Length, stepStates);
        ThrowHelper.CheckLength(Op, nameof(scratch), scratch.Length, stepStates);

        // The carries: the gradients of h_t and c_t flowing back from step t (they end as those of h0 and c0).
        var dh = gradInitialHidden;
        var dc = gradInitialCell;
        for (var t = steps - 1; t >= 0; t--)
        {
            var rows = running[t];
            var ending = t + 1 < steps ? running[t + 1] : 0;

            // Sequences whose last real step is t: their final state's gradient enters here.
            var (from, count) = (ending * h, (rows - ending) * h);
            TP.Add(dh.Slice(from, count), gradFinalHidden.Slice(from, count), dh.Slice(from, count));
            TP.Add(dc.Slice(from, count), gradFinalCell.Slice(from, count), dc.Slice(from, count));
            if (rows == 0)
            {
                continue;
            }

            var live = rows * h;
            var dHidden = scratch[..live];
            TP.Add(gradOutput.Slice(t * stepStates, live), dh[..live], dHidden);
            var dA = gradProjected.Slice(t * batch * g, rows * g);
            LstmCell.Backward<T>(dHidden, dc[..live], gates.Slice(t * batch * g, rows * g), cell.Slice(t * stepStates, live), tanhCell.Slice(t * stepStates, live), h,
                dA, dc[..live]);

            // dh_t = dA W_hh for the running rows; the others carry nothing yet.
            Gemm.Gemm.Multiply(false, false, rows, h, g, T.One, dA, g, weightHh, h, T.Zero, dh[..live], h);
        }

        // dW_hh = Σₜ dAₜᵀ hₜ as one product over all steps: over the running rows only, gathered first when some did not run
        // (a batch of SST-2 sentences padded to its longest one is about 60 % padding).
        var real = RunningRows.Total(running);
        if (real == steps * batch)
        {
            Gemm.Gemm.Multiply(true, false, g, h, real, T.One, gradProjected, g, hidden, h, T.Zero, gradWeightHh, h);
            RunningRows.SumRows(gradProjected[..(real * g)], g, gradBias);
            return;
        }

        ThrowHelper.CheckLength(Op, nameof(packedGates), packedGates.Length, (long)real * g);
        ThrowHelper.CheckLength(Op, nameof(packedHidden), packedHidden.Length, (long)real * h);
        RunningRows.Gather<T>(gradProjected, running, batch, g, packedGates);
        RunningRows.Gather<T>(hidden, running, batch, h, packedHidden);
        Gemm.Gemm.Multiply(true, false, g, h, real, T.One, packedGates, g, packedHidden, h, T.Zero, gradWeightHh, h);
        RunningRows.SumRows(packedGates[..(real * g)], g, gradBias);
    }

    private static (int Steps, int Hidden, int Gates) Check(string op, ReadOnlySpan<int> running, int batch, int hiddenSize, int projected, int gates, int hidden, int cell, int tanhCell)
    {
        var steps = running.Length;
        RunningRows.Validate(op, running, batch, hiddenSize);

        var (h, g) = (hiddenSize, 4 * hiddenSize);
        ThrowHelper.CheckLength(op, nameof(projected), projected, (long)steps * batch * g);
        ThrowHelper.CheckLength(op, nameof(gates), gates, (long)steps * batch * g);
        ThrowHelper.CheckLength(op, nameof(hidden), hidden, (long)(steps + 1) * batch * h);
        ThrowHelper.CheckLength(op, nameof(cell), cell, (long)(steps + 1) * batch * h);
        ThrowHelper.CheckLength(op, nameof(tanhCell), tanhCell, (long)steps * batch * h);
        return (steps, h, g);
    }
}
