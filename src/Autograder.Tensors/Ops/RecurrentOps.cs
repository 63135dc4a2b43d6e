using Autograder.Kernels.Recurrent;

namespace Autograder.Tensors.Ops;

/// <summary>The fused LSTM step on the recurrent kernels (no graph).</summary>
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
            LstmCell.Forward<float>(a.ContiguousSpan<float>(), c.ContiguousSpan<float>(), h, gates.ContiguousSpan<float>(), output.ContiguousSpan<float>(), tanhCell.ContiguousSpan<float>());
        }
        else
        {
            LstmCell.Forward<double>(a.ContiguousSpan<double>(), c.ContiguousSpan<double>(), h, gates.ContiguousSpan<double>(), output.ContiguousSpan<double>(), tanhCell.ContiguousSpan<double>());
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
            LstmCell.Backward<float>(g.ContiguousSpan<float>(), gates.ContiguousSpan<float>(), c.ContiguousSpan<float>(), tanhCell.ContiguousSpan<float>(), h,
                gradPreactivations.ContiguousSpan<float>(), gradCell is null ? [] : gradCell.ContiguousSpan<float>());
        }
        else
        {
            LstmCell.Backward<double>(g.ContiguousSpan<double>(), gates.ContiguousSpan<double>(), c.ContiguousSpan<double>(), tanhCell.ContiguousSpan<double>(), h,
                gradPreactivations.ContiguousSpan<double>(), gradCell is null ? [] : gradCell.ContiguousSpan<double>());
        }

        return (gradPreactivations, gradCell);
    }
}
