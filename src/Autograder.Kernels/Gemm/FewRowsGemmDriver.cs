using System.Numerics;
using System.Runtime.CompilerServices;

namespace Autograder.Kernels.Gemm;

/// <summary>The packed GEMM loop for products whose C has at most <see cref="GemmBlocking.MC"/> rows (a batch through a linear layer).</summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TKernel">The micro-kernel that computes one MR×NR tile.</typeparam>
/// <remarks>
/// With one row block no two tasks read the same packed B panel, so nothing is gained by packing B into a shared buffer
/// first: a 64-row product by a 1152 × 600 weight spent as long writing and re-reading that multi-megabyte buffer, and on
/// two fork–joins per depth block, as on its arithmetic. Here each task takes a range of column panels and, depth block by
/// depth block, packs its rows of A once and each B panel just before the micro-kernel sweeps it, while the panel is in L1.
/// The whole product is one fork–join with a task per thread (each packs its own copy of A, so no more tasks than threads;
/// the split decides only who computes a tile, never its value). Tiles accumulate depth blocks in the same order as <see cref="GemmDriver{T, TKernel}"/>,
/// so both give bit-identical results at any thread count. With overwrite (beta = 0) the first depth block stores into C.
/// </remarks>
internal static unsafe class FewRowsGemmDriver<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : IMicroKernel<T>
{
    /// <summary>Whether C's rows fit one row block.</summary>
    public static bool Applies(int m) => m <= GemmBlocking.MC;

    /// <summary>C += alpha · op(A) · op(B) (or C = alpha · op(A) · op(B) when <paramref name="overwrite"/>) for an m×k op(A) (m ≤ MC) and a k×n op(B).</summary>
    public static void Run(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T* c, int ldc, bool overwrite)
    {
        var panels = (n + TKernel.NR - 1) / TKernel.NR;
        var tasks = Math.Min(panels, KernelSettings.MaxThreads);
        nint aAddress = (nint)a, bAddress = (nint)b, cAddress = (nint)c;
        ParallelWork.ForRanges(panels, tasks, (first, end) => RunPanels(
            transA, transB, m, n, k, alpha, (T*)aAddress, lda, (T*)bAddress, ldb, (T*)cAddress, ldc, overwrite, first, end), (long)m * n * k);
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunPanels(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T* c, int ldc, bool overwrite, int firstPanel, int endPanel)
    {
        int mr = TKernel.MR, nr = TKernel.NR, kcMax = Math.Min(GemmBlocking.KC, k);
        var rowPanels = (m + mr - 1) / mr;
        var packedA = (T*)PackingBuffers.PanelA((nuint)(rowPanels * mr * kcMax * sizeof(T)));
        var packedB = (T*)PackingBuffers.PanelB((nuint)(nr * kcMax * sizeof(T)));
        var edge = stackalloc T[mr * nr];
        for (var pc = 0; pc < k; pc += GemmBlocking.KC)
        {
            var kc = Math.Min(GemmBlocking.KC, k - pc);
            var store = overwrite && pc == 0;
            GemmPacking.PackA(transA, a, lda, 0, m, pc, kc, mr, packedA);
            for (var panel = firstPanel; panel < endPanel; panel++)
            {
                var jr = panel * nr;
                var cols = Math.Min(nr, n - jr);
                GemmPacking.PackB(transB, b, ldb, pc, kc, jr, cols, nr, 0, 1, packedB);
                for (var ir = 0; ir < m; ir += mr)
                {
                    var rows = Math.Min(mr, m - ir);
                    var cTile = c + ((nint)ir * ldc) + jr;
                    var aPanel = packedA + ((nint)ir * kc);
                    if (rows == mr && cols == nr)
                    {
                        TKernel.Run(kc, aPanel, packedB, cTile, ldc, alpha, store);
                    }
                    else
                    {
                        TKernel.Run(kc, aPanel, packedB, edge, nr, alpha, overwrite: true);
                        EdgeTile.Write(edge, nr, cTile, ldc, rows, cols, store);
                    }
                }
            }
        }
    }
}
