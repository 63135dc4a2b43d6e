using System.Numerics;
using System.Runtime.CompilerServices;

namespace Autograder.Kernels.Gemm;

/// <summary>The blocked, packed, multi-threaded GEMM loop nest (BLIS order: jc, pc, ic, jr, ir) around a micro-kernel.</summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TKernel">The micro-kernel that computes one MR×NR tile.</typeparam>
/// <remarks>
/// For each (jc, pc) block, B is packed once and shared; tasks over (row block, column chunk) pack their
/// own A block and run the micro-kernel tile by tile. A tile's k-order is fixed, so results do not depend
/// on the number of threads. C must already hold beta · C, and the driver adds alpha · op(A) · op(B); or, with
/// overwrite (beta = 0), the first depth block stores into C, which is then never cleared nor read.
/// </remarks>
internal sealed unsafe class GemmDriver<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : IMicroKernel<T>
{
    private readonly bool _transA;
    private readonly bool _transB;
    private readonly int _m;
    private readonly T _alpha;
    private readonly T* _a;
    private readonly int _lda;
    private readonly T* _c;
    private readonly int _ldc;
    private T* _packedB;
    private int _jc;
    private int _nc;
    private int _pc;
    private int _kc;
    private int _chunks;
    private int _panelsPerChunk;
    private int _mc;
    private bool _overwrite;

    private GemmDriver(bool transA, bool transB, int m, T alpha, T* a, int lda, T* c, int ldc)
    {
        _transA = transA;
        _transB = transB;
        _m = m;
        _alpha = alpha;
        _a = a;
        _lda = lda;
        _c = c;
        _ldc = ldc;
    }

    /// <summary>C += alpha · op(A) · op(B) (or C = alpha · op(A) · op(B) when <paramref name="overwrite"/>) for an m×k op(A) and a k×n op(B).</summary>
    public static void Run(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T* c, int ldc, bool overwrite)
    {
        int nr = TKernel.NR, kcMax = Math.Min(GemmBlocking.KC, k);
        var ncMax = Math.Min(GemmBlocking.NC, n);
        var packedB = (T*)PackingBuffers.PanelB((nuint)(RoundUp(ncMax, nr) * kcMax * sizeof(T)));
        // Row blocks of equal height (at most MC, a multiple of MR): 600 rows as 4 × 152, not 3 × 192 + 24, which left one thread idle for a quarter of the time.
        var rowBlocks = (m + GemmBlocking.MC - 1) / GemmBlocking.MC;
        var mc = RoundUp((m + rowBlocks - 1) / rowBlocks, TKernel.MR);
        var driver = new GemmDriver<T, TKernel>(transA, transB, m, alpha, a, lda, c, ldc) { _packedB = packedB, _mc = mc };
        for (var jc = 0; jc < n; jc += GemmBlocking.NC)
        {
            var nc = Math.Min(GemmBlocking.NC, n - jc);
            for (var pc = 0; pc < k; pc += GemmBlocking.KC)
            {
                var kc = Math.Min(GemmBlocking.KC, k - pc);
                driver._overwrite = overwrite && pc == 0;
                driver.RunBlock(b, ldb, jc, nc, pc, kc);
            }
        }
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    private void RunBlock(T* b, int ldb, int jc, int nc, int pc, int kc)
    {
        (_jc, _nc, _pc, _kc) = (jc, nc, pc, kc);
        var panels = (nc + TKernel.NR - 1) / TKernel.NR;

        // Pack B in slices of panels, in parallel; each slice writes its own part of the buffer.
        const int PanelsPerPackTask = 8;
        var packTasks = (panels + PanelsPerPackTask - 1) / PanelsPerPackTask;
        var bAddress = (nint)b;
        ParallelWork.For(packTasks, t => GemmPacking.PackB(
            _transB, (T*)bAddress, ldb, _pc, _kc, _jc, _nc, TKernel.NR,
            t * PanelsPerPackTask, Math.Min(panels, (t + 1) * PanelsPerPackTask), _packedB), totalWork: (long)nc * kc);

        // Enough tasks to keep every thread busy: split columns when there are few row blocks.
        var rowBlocks = (_m + _mc - 1) / _mc;
        var chunks = Math.Clamp(((2 * KernelSettings.MaxThreads) + rowBlocks - 1) / rowBlocks, 1, panels);
        _panelsPerChunk = (panels + chunks - 1) / chunks;
        _chunks = (panels + _panelsPerChunk - 1) / _panelsPerChunk;
        ParallelWork.For(rowBlocks * _chunks, RunTask, totalWork: (long)_m * nc * kc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunTask(int task)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        var ic = task / _chunks * _mc;
        var mc = Math.Min(_mc, _m - ic);
        var firstPanel = task % _chunks * _panelsPerChunk;
        var endPanel = Math.Min(firstPanel + _panelsPerChunk, (_nc + nr - 1) / nr);
        var packedA = (T*)PackingBuffers.PanelA((nuint)(RoundUp(mc, mr) * _kc * sizeof(T)));
        var edge = stackalloc T[mr * nr];
        GemmPacking.PackA(_transA, _a, _lda, ic, mc, _pc, _kc, mr, packedA);
        for (var panel = firstPanel; panel < endPanel; panel++)
        {
            var jr = panel * nr;
            var cols = Math.Min(nr, _nc - jr);
            var bPanel = _packedB + ((nint)jr * _kc);
            for (var ir = 0; ir < mc; ir += mr)
            {
                var rows = Math.Min(mr, mc - ir);
                var cTile = _c + ((nint)(ic + ir) * _ldc) + _jc + jr;
                var aPanel = packedA + ((nint)ir * _kc);
                if (rows == mr && cols == nr)
                {
                    TKernel.Run(_kc, aPanel, bPanel, cTile, _ldc, _alpha, _overwrite);
                }
                else
                {
                    RunEdgeTile(aPanel, bPanel, cTile, rows, cols, edge);
                }
            }
        }
    }

    /// <summary>Runs a full tile into a scratch buffer and adds (or stores) only the part inside C.</summary>
    private void RunEdgeTile(T* aPanel, T* bPanel, T* cTile, int rows, int cols, T* scratch)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        TKernel.Run(_kc, aPanel, bPanel, scratch, nr, _alpha, overwrite: true);
        EdgeTile.Write(scratch, nr, cTile, _ldc, rows, cols, _overwrite);
    }
}
