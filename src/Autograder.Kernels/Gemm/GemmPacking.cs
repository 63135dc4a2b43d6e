using System.Runtime.CompilerServices;

namespace Autograder.Kernels.Gemm;

/// <summary>Copies blocks of op(A) and op(B) into the contiguous micro-panel layouts the micro-kernels read.</summary>
/// <remarks>Rows or columns past the matrix edge are packed as zeros, so the kernels always run full tiles.</remarks>
internal static unsafe class GemmPacking
{
    /// <summary>Packs op(A)[i0..i0+mc, p0..p0+kc] into panels of <paramref name="mr"/> rows: dest[panel][p][r].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA<T>(bool transA, T* a, int lda, int i0, int mc, int p0, int kc, int mr, T* dest)
        where T : unmanaged
    {
        for (var ip = 0; ip < mc; ip += mr)
        {
            var rows = Math.Min(mr, mc - ip);
            var d = dest + ((nint)ip * kc);
            if (!transA)
            {
                for (var r = 0; r < rows; r++)
                {
                    var src = a + ((nint)(i0 + ip + r) * lda) + p0;
                    for (var p = 0; p < kc; p++)
                    {
                        d[(p * mr) + r] = src[p];
                    }
                }

                for (var r = rows; r < mr; r++)
                {
                    for (var p = 0; p < kc; p++)
                    {
                        d[(p * mr) + r] = default;
                    }
                }
            }
            else
            {
                for (var p = 0; p < kc; p++)
                {
                    var src = a + ((nint)(p0 + p) * lda) + i0 + ip;
                    var row = new Span<T>(d + (p * mr), mr);
                    new ReadOnlySpan<T>(src, rows).CopyTo(row);
                    row[rows..].Clear();
                }
            }
        }
    }

    /// <summary>Packs op(B)[p0..p0+kc, j0..j0+nc] panels [firstPanel, endPanel) of <paramref name="nr"/> columns: dest[panel][p][c].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB<T>(bool transB, T* b, int ldb, int p0, int kc, int j0, int nc, int nr, int firstPanel, int endPanel, T* dest)
        where T : unmanaged
    {
        for (var panel = firstPanel; panel < endPanel; panel++)
        {
            var jp = panel * nr;
            var cols = Math.Min(nr, nc - jp);
            var d = dest + ((nint)jp * kc);
            if (!transB)
            {
                for (var p = 0; p < kc; p++)
                {
                    var src = b + ((nint)(p0 + p) * ldb) + j0 + jp;
                    var row = new Span<T>(d + (p * nr), nr);
                    new ReadOnlySpan<T>(src, cols).CopyTo(row);
                    row[cols..].Clear();
                }
            }
            else
            {
                for (var col = 0; col < cols; col++)
                {
                    var src = b + ((nint)(j0 + jp + col) * ldb) + p0;
                    for (var p = 0; p < kc; p++)
                    {
                        d[(p * nr) + col] = src[p];
                    }
                }

                for (var col = cols; col < nr; col++)
                {
                    for (var p = 0; p < kc; p++)
                    {
                        d[(p * nr) + col] = default;
                    }
                }
            }
        }
    }
}
