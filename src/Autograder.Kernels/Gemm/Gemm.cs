using System.Numerics;

namespace Autograder.Kernels.Gemm;

/// <summary>General matrix multiply, BLAS style: C = alpha · op(A) · op(B) + beta · C, row-major.</summary>
/// <remarks>
/// op(X) is X or Xᵀ. op(A) is m×k, op(B) is k×n, C is m×n; lda, ldb and ldc are the row strides of the
/// matrices as stored (A is stored k×m when transposed). Large problems run the packed, cache-blocked,
/// multi-threaded driver with an AVX-512 (or AVX2, or scalar) micro-kernel (<see cref="FewRowsGemmDriver{T, TKernel}"/>
/// when C has one row block's rows, as a batch through a linear layer); small ones a direct loop, and those whose
/// result has at most four rows or columns dot products or row updates (<see cref="SkinnyGemm"/>). A · Bᵀ with a narrow C
/// or a long k runs as tiles of dot products on the operands as stored (<see cref="DotGemm"/>).
/// </remarks>
public static class Gemm
{
    /// <summary>Computes C = alpha · op(A) · op(B) + beta · C.</summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <param name="transA">Whether A is stored transposed (k×m).</param>
    /// <param name="transB">Whether B is stored transposed (n×k).</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A's elements.</param>
    /// <param name="lda">A's row stride as stored.</param>
    /// <param name="b">B's elements.</param>
    /// <param name="ldb">B's row stride as stored.</param>
    /// <param name="beta">Scale of C's previous value (0 ignores it, NaNs included).</param>
    /// <param name="c">C's elements, overwritten.</param>
    /// <param name="ldc">C's row stride.</param>
    public static unsafe void Multiply<T>(
        bool transA, bool transB, int m, int n, int k,
        T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb,
        T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate<T>(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        var small = (long)m * n * k <= GemmBlocking.SmallProblem;
        var skinny = SkinnyGemm.Applies(m, n) && (!small || n <= SkinnyGemm.MaxSide);
        var dot = !transA && transB && DotGemm.Applies(m, n, k);
        var packed = !skinny && !dot && !small && k > 0 && alpha != T.Zero;

        // The packed drivers store the first depth block when beta is 0, so C is neither cleared first nor read back.
        var overwrite = packed && beta == T.Zero;
        if (!overwrite)
        {
            ScaleC(m, n, beta, c, ldc);
        }

        if (k == 0 || alpha == T.Zero)
        {
            return;
        }

        fixed (T* pa = a, pb = b, pc = c)
        {
            if (skinny)
            {
                // Narrow results even when small: the direct loop's row updates would be n ≤ 4 elements long.
                SkinnyGemm.Run(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc);
            }
            else if (dot)
            {
                DotGemm.Run(m, n, k, alpha, pa, lda, pb, ldb, pc, ldc);
            }
            else if (small)
            {
                SmallGemm(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc);
            }
            else if (KernelSettings.UseVector512)
            {
                RunPacked<T, MicroKernel512<T>>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc, overwrite);
            }
            else if (KernelSettings.UseVector256)
            {
                RunPacked<T, MicroKernel256<T>>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc, overwrite);
            }
            else
            {
                RunPacked<T, MicroKernelScalar<T>>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc, overwrite);
            }
        }
    }

    /// <summary>The packed drivers: one row block packs B panel by panel in each task; more share a packed B block.</summary>
    private static unsafe void RunPacked<T, TKernel>(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T* c, int ldc, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IMicroKernel<T>
    {
        if (FewRowsGemmDriver<T, TKernel>.Applies(m))
        {
            FewRowsGemmDriver<T, TKernel>.Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, c, ldc, overwrite);
        }
        else
        {
            GemmDriver<T, TKernel>.Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, c, ldc, overwrite);
        }
    }

    private static void Validate<T>(bool transA, bool transB, int m, int n, int k, int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        const string Op = "Gemm";
        ThrowHelper.CheckFloating<T>(Op);
        if (m < 0 || n < 0 || k < 0)
        {
            ThrowHelper.Argument(Op, $"dimensions must be non-negative; got m={m}, n={n}, k={k}.");
        }

        var (aRows, aCols) = transA ? (k, m) : (m, k);
        var (bRows, bCols) = transB ? (n, k) : (k, n);
        CheckMatrix(Op, "a", aRows, aCols, aLength, lda);
        CheckMatrix(Op, "b", bRows, bCols, bLength, ldb);
        CheckMatrix(Op, "c", m, n, cLength, ldc);
    }

    private static void CheckMatrix(string op, string name, int rows, int cols, int length, int ld)
    {
        if (rows == 0 || cols == 0)
        {
            return;
        }

        if (ld < cols)
        {
            ThrowHelper.Argument(op, $"the row stride of {name} must be at least its {cols} columns; got {ld}.");
        }

        ThrowHelper.CheckLength(op, name, length, ((long)(rows - 1) * ld) + cols);
    }

    private static void ScaleC<T>(int m, int n, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.One)
        {
            return;
        }

        for (var i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == T.Zero)
            {
                row.Clear();
            }
            else
            {
                Elementwise.Scale(row, beta, row);
            }
        }
    }

    /// <summary>The unpacked loop for small problems: row i of C accumulates alpha · A[i,p] · B[p,:].</summary>
    private static unsafe void SmallGemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var bRow = transB ? new T[n] : [];
        for (var i = 0; i < m; i++)
        {
            var cRow = new Span<T>(c + ((nint)i * ldc), n);
            for (var p = 0; p < k; p++)
            {
                var aip = alpha * (transA ? a[((nint)p * lda) + i] : a[((nint)i * lda) + p]);
                ReadOnlySpan<T> row;
                if (transB)
                {
                    for (var j = 0; j < n; j++)
                    {
                        bRow[j] = b[((nint)j * ldb) + p];
                    }

                    row = bRow;
                }
                else
                {
                    row = new ReadOnlySpan<T>(b + ((nint)p * ldb), n);
                }

                Elementwise.MultiplyAdd(row, aip, cRow, cRow);
            }
        }
    }
}
