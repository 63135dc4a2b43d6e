using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Autograder.Kernels.Recurrent;

/// <summary>
/// The element-wise part of one LSTM step, fused: the gate nonlinearities, the new cell and the new hidden state forward,
/// and all their gradients backward, in one pass over a row each.
/// </summary>
/// <remarks>
/// Rows are the batch; each row of the pre-activations holds PyTorch's four gate blocks of H: input i, forget f, cell g,
/// output o. With i, f, o through the sigmoid and g through tanh: c' = f·c + i·g, h' = o·tanh(c'). As separate tensor
/// operations one step was fourteen graph nodes and as many passes over memory; a sequence of 45 steps spent more time
/// in that bookkeeping than in its matrix products. The same roundings as the composed form: the sigmoid and tanh of
/// <see cref="TP"/>, then products and sums (no fused multiply-add).
/// </remarks>
public static class LstmCell
{
    /// <summary>Computes the activated gates, the new cell state, its tanh and the new hidden state.</summary>
    /// <param name="preactivations">(N, 4H): x W_ihᵀ + b_ih + h W_hhᵀ + b_hh.</param>
    /// <param name="cell">(N, H): the previous cell state c.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="gates">(N, 4H), written: σ(i), σ(f), tanh(g), σ(o), kept for backward; may be the pre-activations themselves.</param>
    /// <param name="newHidden">(N, H), written: h'.</param>
    /// <param name="newCell">(N, H), written: c'.</param>
    /// <param name="tanhCell">(N, H), written: tanh(c'), kept for backward.</param>
    public static void Forward<T>(ReadOnlySpan<T> preactivations, ReadOnlySpan<T> cell, int hiddenSize, Span<T> gates, Span<T> newHidden, Span<T> newCell, Span<T> tanhCell)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string Op = "LstmCell.Forward";
        var (h, rows) = Shape(Op, cell.Length, hiddenSize);
        ThrowHelper.CheckLength(Op, nameof(preactivations), preactivations.Length, 4L * rows * h);
        ThrowHelper.CheckLength(Op, nameof(gates), gates.Length, 4L * rows * h);
        ThrowHelper.CheckLength(Op, nameof(newHidden), newHidden.Length, (long)rows * h);
        ThrowHelper.CheckLength(Op, nameof(newCell), newCell.Length, (long)rows * h);
        ThrowHelper.CheckLength(Op, nameof(tanhCell), tanhCell.Length, (long)rows * h);
        for (var r = 0; r < rows; r++)
        {
            var a = preactivations.Slice(4 * r * h, 4 * h);
            var g = gates.Slice(4 * r * h, 4 * h);
            TP.Sigmoid(a[..(2 * h)], g[..(2 * h)]);
            TP.Tanh(a.Slice(2 * h, h), g.Slice(2 * h, h));
            TP.Sigmoid(a.Slice(3 * h, h), g.Slice(3 * h, h));

            var c = newCell.Slice(r * h, h);
            var t = tanhCell.Slice(r * h, h);
            TP.Multiply(g.Slice(h, h), cell.Slice(r * h, h), c);
            TP.Multiply(g[..h], g.Slice(2 * h, h), t);
            TP.Add(c, t, c);
            TP.Tanh(c, t);
            TP.Multiply(g.Slice(3 * h, h), t, newHidden.Slice(r * h, h));
        }
    }

    /// <summary>Computes the gradients of the pre-activations and of the previous cell state.</summary>
    /// <param name="gradHidden">(N, H): the gradient of h'.</param>
    /// <param name="gradNewCell">(N, H): the gradient of c' (may be <paramref name="gradCell"/> itself: each element is read before it is written).</param>
    /// <param name="gates">(N, 4H): the activated gates from <see cref="Forward"/>.</param>
    /// <param name="cell">(N, H): the previous cell state c.</param>
    /// <param name="tanhCell">(N, H): tanh(c') from <see cref="Forward"/>.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="gradPreactivations">(N, 4H), written: di, df, dg, do before their nonlinearities.</param>
    /// <param name="gradCell">(N, H), written: dc (empty when not needed).</param>
    public static void Backward<T>(ReadOnlySpan<T> gradHidden, ReadOnlySpan<T> gradNewCell, ReadOnlySpan<T> gates, ReadOnlySpan<T> cell, ReadOnlySpan<T> tanhCell, int hiddenSize,
        Span<T> gradPreactivations, Span<T> gradCell)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string Op = "LstmCell.Backward";
        var (h, rows) = Shape(Op, cell.Length, hiddenSize);
        ThrowHelper.CheckLength(Op, nameof(gradHidden), gradHidden.Length, (long)rows * h);
        ThrowHelper.CheckLength(Op, nameof(gradNewCell), gradNewCell.Length, (long)rows * h);
        ThrowHelper.CheckLength(Op, nameof(gates), gates.Length, 4L * rows * h);
        ThrowHelper.CheckLength(Op, nameof(tanhCell), tanhCell.Length, (long)rows * h);
        ThrowHelper.CheckLength(Op, nameof(gradPreactivations), gradPreactivations.Length, 4L * rows * h);
        var wantCell = !gradCell.IsEmpty;
        if (wantCell)
        {
            ThrowHelper.CheckLength(Op, nameof(gradCell), gradCell.Length, (long)rows * h);
        }

        var one = T.One;
        for (var r = 0; r < rows; r++)
        {
            var g = gates.Slice(4 * r * h, 4 * h);
            var d = gradPreactivations.Slice(4 * r * h, 4 * h);
            var row = r * h;
            for (var j = 0; j < h; j++)
            {
                T i = g[j], f = g[h + j], z = g[(2 * h) + j], o = g[(3 * h) + j], t = tanhCell[row + j], dh = gradHidden[row + j];
                var dc = gradNewCell[row + j] + (dh * o * (one - (t * t)));
                d[j] = dc * z * i * (one - i);
                d[h + j] = dc * cell[row + j] * f * (one - f);
                d[(2 * h) + j] = dc * i * (one - (z * z));
                d[(3 * h) + j] = dh * t * o * (one - o);
                if (wantCell)
                {
                    gradCell[row + j] = dc * f;
                }
            }
        }
    }

    private static (int Hidden, int Rows) Shape(string op, int cellLength, int hiddenSize)
    {
        if (hiddenSize <= 0 || cellLength % hiddenSize != 0)
        {
            ThrowHelper.Argument(op, $"the cell state's {cellLength} values are not rows of the hidden size {hiddenSize}.");
        }

        return (hiddenSize, cellLength / hiddenSize);
    }
}
