using System.Numerics;
using Autograder.Kernels.Gemm;
using Autograder.Tensors.Iteration;

namespace Autograder.Tensors.Ops;

/// <summary>Batched matrix products on the GEMM kernel (no graph). Transposed views are passed to GEMM as transposed operands, not copied.</summary>
internal static class MatMulOps
{
    /// <summary>a (…, m, k) @ b (…, k, n) → (…, m, n), batch dimensions broadcast.</summary>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        const string Op = "MatMul";
        if (!a.DType.IsFloatingPoint() || a.DType != b.DType)
        {
            ThrowHelper.DTypeError(Op, $"expected two floating-point tensors of the same dtype; got {a.DType.Name()} and {b.DType.Name()}.");
        }

        int m = a.Shape[^2], k = a.Shape[^1], n = b.Shape[^1];
        if (b.Shape[^2] != k)
        {
            ThrowHelper.Shape(Op, $"inner dimensions must agree; got a {ThrowHelper.Dims(a.Shape)} and b {ThrowHelper.Dims(b.Shape)}.");
        }

        if (b.Dim == 2 && a.Dim > 2 && a.IsContiguous)
        {
            // A stack of matrices times one matrix (a linear layer on (N, L, F)) is one product of (N·L, F) and B: one
            // packing of B and one parallel GEMM instead of N small ones.
            var folded = Tensor.Uninitialized([.. a.Shape[..^1], n], a.DType);
            var rows = a.NumEl / Math.Max(k, 1);
            var (aRows, bMatrix) = (new Operand(a, false, k, [a.Offset]), Batched(b, [], k, n));
            if (a.DType == DType.Float32)
            {
                Run<float>(aRows, bMatrix, folded, 1, rows, n, k);
            }
            else
            {
                Run<double>(aRows, bMatrix, folded, 1, rows, n, k);
            }

            return folded;
        }

        var batch = Layout.Broadcast(Op, a.Shape[..^2], b.Shape[..^2]);
        var batches = Layout.NumEl(batch);
        var aView = Batched(a, batch, m, k);
        var bView = Batched(b, batch, k, n);
        var result = Tensor.Uninitialized([.. batch, m, n], a.DType);
        if (a.DType == DType.Float32)
        {
            Run<float>(aView, bView, result, batches, m, n, k);
        }
        else
        {
            Run<double>(aView, bView, result, batches, m, n, k);
        }

        return result;
    }

    private static void Run<T>(Operand a, Operand b, Tensor result, int batches, int m, int n, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] aData = a.Tensor.Data<T>(), bData = b.Tensor.Data<T>();
        var c = result.ContiguousSpan<T>();
        for (var i = 0; i < batches; i++)
        {
            Gemm.Multiply(
                a.Transposed, b.Transposed, m, n, k, T.One,
                aData.AsSpan(a.Offsets[i]), a.Ld, bData.AsSpan(b.Offsets[i]), b.Ld,
                T.Zero, c.Slice(i * m * n, m * n), n);
        }
    }

    /// <summary>Describes x expanded to (batch…, rows, cols) as GEMM operands: per-batch offsets, transposition and row stride.</summary>
    private static Operand Batched(Tensor x, int[] batch, int rows, int cols)
    {
        var target = (int[])[.. batch, rows, cols];
        var strides = Layout.BroadcastStrides(x.Shape, x.Strides, target);
        int rs = strides[^2], cs = strides[^1];
        bool plain = cs == 1 && (rs >= cols || rows == 1), transposed = rs == 1 && (cs >= rows || cols == 1) && !plain;
        if (!plain && !transposed)
        {
            var copy = StridedCopy.Contiguous(x);
            return Batched(copy, batch, rows, cols);
        }

        var ld = plain ? Math.Max(rs, cols) : Math.Max(cs, rows);
        var batchStrides = strides[..^2];
        var offsets = batch.Length == 0 ? [x.Offset] : Layout.RowOffsets([.. batch, 1], [.. batchStrides, 0], x.Offset);
        return new Operand(x, transposed, ld, offsets);
    }

    private sealed record Operand(Tensor Tensor, bool Transposed, int Ld, int[] Offsets);
}
