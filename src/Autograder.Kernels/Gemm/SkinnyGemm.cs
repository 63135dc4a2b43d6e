using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Autograder.Kernels.Gemm;

/// <summary>
/// Products where C has at most <see cref="MaxSide"/> rows or columns (a batch of vector–matrix products, a linear layer
/// with one output): packing such operands for the blocked driver costs as much as the product, so these run as dot
/// products of contiguous rows, or as row updates, on at most a small transposed copy of the thin operand.
/// </summary>
internal static class SkinnyGemm
{
    /// <summary>C's largest short side that takes this path.</summary>
    public const int MaxSide = 4;

    /// <summary>Whether <see cref="Run"/> should compute this product.</summary>
    public static bool Applies(int m, int n) => m <= MaxSide || n <= MaxSide;

    /// <summary>C += alpha · op(A) · op(B) (C already scaled by beta).</summary>
    public static unsafe void Run<T>(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!transA && transB)
        {
            Dots(m, n, k, alpha, a, lda, b, ldb, c, ldc);
        }
        else if (n <= MaxSide && !transA)
        {
            // B is k × n with few columns: its transpose has n contiguous rows.
            fixed (T* bt = Transposed(b, ldb, k, n))
            {
                Dots(m, n, k, alpha, a, lda, bt, k, c, ldc);
            }
        }
        else if (m <= MaxSide && transA && transB)
        {
            fixed (T* at = Transposed(a, lda, k, m))
            {
                Dots(m, n, k, alpha, at, k, b, ldb, c, ldc);
            }
        }
        else if (m <= MaxSide)
        {
            RowUpdates(transA, m, n, k, alpha, a, lda, b, ldb, c, ldc);
        }
        else
        {
            // transA with few columns of C: Cᵀ row j accumulates op(B)[p, j] · A[p, :], A's stored rows being contiguous.
            ColumnUpdates(transB, m, n, k, alpha, a, lda, b, ldb, c, ldc);
        }
    }

    /// <summary>C[i, j] += alpha · (A row i) · (B row j), both stored rows of length k.</summary>
    private static unsafe void Dots<T>(int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < m; i++)
        {
            var row = new ReadOnlySpan<T>(a + ((nint)i * lda), k);
            for (var j = 0; j < n; j++)
            {
                c[((nint)i * ldc) + j] += alpha * Dot(row, new ReadOnlySpan<T>(b + ((nint)j * ldb), k));
            }
        }
    }

    /// <summary>C row i += alpha · op(A)[i, p] · B row p, B stored k × n.</summary>
    private static unsafe void RowUpdates<T>(bool transA, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < m; i++)
        {
            var cRow = new Span<T>(c + ((nint)i * ldc), n);
            for (var p = 0; p < k; p++)
            {
                var aip = alpha * (transA ? a[((nint)p * lda) + i] : a[((nint)i * lda) + p]);
                Elementwise.MultiplyAdd(new ReadOnlySpan<T>(b + ((nint)p * ldb), n), aip, cRow, cRow);
            }
        }
    }

    /// <summary>For A stored k × m: column j of C += alpha · Σ_p op(B)[p, j] · A row p, accumulated in a contiguous buffer.</summary>
    private static unsafe void ColumnUpdates<T>(bool transB, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var column = new T[m];
        for (var j = 0; j < n; j++)
        {
            Array.Clear(column);
            for (var p = 0; p < k; p++)
            {
                var bpj = alpha * (transB ? b[((nint)j * ldb) + p] : b[((nint)p * ldb) + j]);
                Elementwise.MultiplyAdd(new ReadOnlySpan<T>(a + ((nint)p * lda), m), bpj, column, column);
            }

            for (var i = 0; i < m; i++)
            {
                c[((nint)i * ldc) + j] += column[i];
            }
        }
    }

    /// <summary>The transpose of a rows × cols matrix stored with row stride ld, as cols contiguous rows of length rows.</summary>
    private static unsafe T[] Transposed<T>(T* x, int ld, int rows, int cols)
        where T : unmanaged
    {
        var result = new T[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var col = 0; col < cols; col++)
            {
                result[(col * rows) + r] = x[((nint)r * ld) + col];
            }
        }

        return result;
    }

    private static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (KernelSettings.SimdEnabled)
        {
            return TP.Dot(x, y);
        }

        var sum = T.Zero;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
