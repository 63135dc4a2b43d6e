using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Autograder.Kernels.Recurrent;

/// <summary>
/// One Elman RNN layer over a whole sequence, forward and backpropagation through time, with the input projection done
/// outside: hₜ₊₁ = f(projectedₜ + b + hₜ W_hhᵀ), f tanh or ReLU.
/// </summary>
/// <remarks>
/// The same layout and the same handling of lengths as <see cref="LstmSequence"/>: the running sequences are a prefix of
/// the batch at each step, hidden states (T + 1, N, H) with h0 at step 0 and zeros where a row did not run, the weight
/// gradient one product over the real steps.
/// </remarks>
public static class RnnSequence
{
    /// <summary>Runs the layer forward.</summary>
    /// <param name="projected">(T, N, H): x W_ihᵀ for every step.</param>
    /// <param name="weightHh">(H, H): W_hh.</param>
    /// <param name="bias">(H): b_ih + b_hh; empty for none.</param>
    /// <param name="running">T non-increasing counts of running sequences.</param>
    /// <param name="batch">N.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="relu">Whether f is ReLU rather than tanh.</param>
    /// <param name="hidden">(T + 1, N, H), zeros with h0 at step 0, written for the running rows.</param>
    public static void Forward<T>(ReadOnlySpan<T> projected, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> bias, ReadOnlySpan<int> running, int batch, int hiddenSize,
        bool relu, Span<T> hidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string Op = "RnnSequence.Forward";
        var (steps, h) = Check(Op, running, batch, hiddenSize, projected.Length, hidden.Length, weightHh.Length);
        var stepStates = batch * h;
        for (var t = 0; t < steps; t++)
        {
            var rows = running[t];
            if (rows == 0)
            {
                continue;
            }

            var a = hidden.Slice((t + 1) * stepStates, rows * h);
            projected.Slice(t * stepStates, rows * h).CopyTo(a);
            if (!bias.IsEmpty)
            {
                for (var r = 0; r < rows; r++)
                {
                    TP.Add(a.Slice(r * h, h), bias[..h], a.Slice(r * h, h));
                }
            }

            Gemm.Gemm.Multiply(false, true, rows, h, h, T.One, hidden.Slice(t * stepStates, rows * h), h, weightHh, h, T.One, a, h);
            if (relu)
            {
                TP.Max(a, T.Zero, a);
            }
            else
            {
                TP.Tanh(a, a);
            }
        }
    }

    /// <summary>Backpropagation through time.</summary>
    /// <param name="gradOutput">(T, N, H): the gradient of every step's output.</param>
    /// <param name="gradFinal">(N, H): the gradient of each sequence's final state.</param>
    /// <param name="weightHh">(H, H): W_hh.</param>
    /// <param name="hidden">The states from <see cref="Forward"/>.</param>
    /// <param name="running">As given to <see cref="Forward"/>.</param>
    /// <param name="batch">N.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="relu">As given to <see cref="Forward"/>.</param>
    /// <param name="gradProjected">(T, N, H), zeros, written: the gradient of the pre-activations.</param>
    /// <param name="gradWeightHh">(H, H), written.</param>
    /// <param name="gradBias">(H), written; empty when not needed.</param>
    /// <param name="gradInitial">(N, H), zeros, written: the gradient of h0.</param>
    /// <param name="packedGradients">(<see cref="RunningRows.Total"/>, H) of scratch space, unused when every row runs every step.</param>
    /// <param name="packedHidden">(<see cref="RunningRows.Total"/>, H) of scratch space, unused when every row runs every step.</param>
    public static void Backward<T>(ReadOnlySpan<T> gradOutput, ReadOnlySpan<T> gradFinal, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> hidden, ReadOnlySpan<int> running,
        int batch, int hiddenSize, bool relu, Span<T> gradProjected, Span<T> gradWeightHh, Span<T> gradBias, Span<T> gradInitial, Span<T> packedGradients, Span<T> packedHidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string Op = "RnnSequence.Backward";
        var (steps, h) = Check(Op, running, batch, hiddenSize, gradProjected.Length, hidden.Length, weightHh.Length);
        var stepStates = batch * h;
        ThrowHelper.CheckLength(Op, nameof(gradOutput), gradOutput.Length, (long)steps * stepStates);
        ThrowHelper.CheckLength(Op, nameof(gradFinal), gradFinal.Length, stepStates);
        ThrowHelper.CheckLength(Op, nameof(gradWeightHh), gradWeightHh.Length, (long)h * h);
        ThrowHelper.CheckLength(Op, nameof(gradInitial), gradInitial.Length, stepStates);

        // The carry: the gradient of h_t flowing back from step t (it ends as that of h0).
        var dh = gradInitial;
        for (var t = steps - 1; t >= 0; t--)
        {
            var rows = running[t];
            var ending = t + 1 < steps ? running[t + 1] : 0;
            var (from, count) = (ending * h, (rows - ending) * h);
            TP.Add(dh.Slice(from, count), gradFinal.Slice(from, count), dh.Slice(from, count));
            if (rows == 0)
            {
                continue;
            }

            var live = rows * h;
            var dA = gradProjected.Slice(t * stepStates, live);
            var state = hidden.Slice((t + 1) * stepStates, live);
            TP.Add(gradOutput.Slice(t * stepStates, live), dh[..live], dA);
            for (var i = 0; i < live; i++)
            {
                // f'(a) from the output y = f(a): 1 − y² for tanh, [y > 0] for ReLU.
                dA[i] *= relu ? (state[i] > T.Zero ? T.One : T.Zero) : T.One - (state[i] * state[i]);
            }

            Gemm.Gemm.Multiply(false, false, rows, h, h, T.One, dA, h, weightHh, h, T.Zero, dh[..live], h);
        }

        var real = RunningRows.Total(running);
        ReadOnlySpan<T> gradients = gradProjected;
        ReadOnlySpan<T> states = hidden;
        if (real != steps * batch)
        {
            ThrowHelper.CheckLength(Op, nameof(packedGradients), packedGradients.Length, (long)real * h);
            ThrowHelper.CheckLength(Op, nameof(packedHidden), packedHidden.Length, (long)real * h);
            RunningRows.Gather<T>(gradProjected, running, batch, h, packedGradients);
            RunningRows.Gather<T>(hidden, running, batch, h, packedHidden);
            gradients = packedGradients[..(real * h)];
            states = packedHidden[..(real * h)];
        }

        // dW_hh = Σₜ dAₜᵀ hₜ and db = Σₜ dAₜ over the real steps.
        Gemm.Gemm.Multiply(true, false, h, h, real, T.One, gradients, h, states, h, T.Zero, gradWeightHh, h);
        RunningRows.SumRows(gradients[..(real * h)], h, gradBias);
    }

    private static (int Steps, int Hidden) Check(string op, ReadOnlySpan<int> running, int batch, int hiddenSize, int projected, int hidden, int weight)
    {
        var steps = running.Length;
        RunningRows.Validate(op, running, batch, hiddenSize);

        ThrowHelper.CheckLength(op, nameof(projected), projected, (long)steps * batch * hiddenSize);
        ThrowHelper.CheckLength(op, nameof(hidden), hidden, (long)(steps + 1) * batch * hiddenSize);
        ThrowHelper.CheckLength(op, "weightHh", weight, (long)hiddenSize * hiddenSize);
        return (steps, hiddenSize);
    }
}
