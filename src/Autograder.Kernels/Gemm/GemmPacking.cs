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
                TransposePacking.Pack(a + ((nint)(i0 + ip) * lda) + p0, lda, rows, kc, mr, d);
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
                TransposePacking.Pack(b + ((nint)(j0 + jp) * ldb) + p0, ldb, cols, kc, nr, d);
            }
        }
    }
}
