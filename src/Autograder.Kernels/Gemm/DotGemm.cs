using System.Buffers;
using System.Numerics;

namespace Autograder.Kernels.Gemm;

/// <summary>
/// C += alpha · A · Bᵀ with A (m × k) and B (n × k) both stored by rows, as dot products of rows (<see cref="DotKernel{T}"/>):
/// a linear layer's forward pass and a convolution's weight gradient, whose transposed B the packed driver would have
/// to copy element by element.
/// </summary>
/// <remarks>
/// When C is small and k long (a weight gradient summed over every output position of a batch), k is cut into chunks that
/// run in parallel into their own partial products, summed in chunk order afterwards. The chunking depends on the shape
/// alone, so results never depend on the thread count.
/// </remarks>
internal static class DotGemm
{
    /// <summary>Tiles of C below which k is split into chunks.</summary>
    private const int FewTiles = 64;

    /// <summary>The shortest k chunk (a multiple of every vector width).</summary>
    private const int MinChunk = 512;

    /// <summary>The most k chunks.</summary>
    private const int MaxChunks = 16;

    /// <summary>Whether this path should compute A · Bᵀ: vectors are on, k fills vectors, and C is narrow or k long beside it.</summary>
    /// <remarks>
    /// Elsewhere the packed drivers win now that they transpose B in registers: a 64-row linear layer's forward pass
    /// (64 × 600 × 1152) took 0.52 ms here and 0.30 ms there. Dot products keep the shapes a packed micro-panel would
    /// mostly pad (fewer than 16 columns or rows) and those whose k is at least 16 times C's longer side (a convolution's
    /// weight gradient summed over a batch: 32 × 144 × 9216 took 0.49 ms here and 0.55 ms packed).
    /// </remarks>
    public static bool Applies(int m, int n, int k) =>
        KernelSettings.UseVector256 && k >= 32 && Math.Min(m, n) <= 256 && (Math.Min(m, n) < 16 || k >= 16L * Math.Max(m, n));

    /// <summary>C += alpha · A · Bᵀ (C already scaled by beta).</summary>
    public static unsafe void Run<T>(int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rowTiles = (m + DotKernel<T>.Side - 1) / DotKernel<T>.Side, colTiles = (n + DotKernel<T>.Side - 1) / DotKernel<T>.Side;
        var chunks = rowTiles * colTiles < FewTiles ? Math.Clamp(k / MinChunk, 1, MaxChunks) : 1;
        nint aAddress = (nint)a, bAddress = (nint)b, cAddress = (nint)c;
        long work = (long)m * n * k;
        if (chunks == 1)
        {
            // Tasks take column tiles (rows of B), each sweeping every row tile of A.
            ParallelWork.ForRanges(colTiles, 16, (first, end) =>
            {
                var tileScratch = stackalloc T[DotKernel<T>.Side * DotKernel<T>.Side];
                Tiles((T*)aAddress, lda, (T*)bAddress, ldb, m, n, k, first, end, tileScratch, (T*)cAddress, ldc, alpha, accumulate: true);
            }, work);
            return;
        }

        var chunk = (k + chunks - 1) / chunks;
        chunk = (chunk + MinChunk - 1) / MinChunk * MinChunk;
        chunks = (k + chunk - 1) / chunk;
        var partial = ArrayPool<T>.Shared.Rent(chunks * m * n);
        try
        {
            fixed (T* partials = partial)
            {
                nint pAddress = (nint)partials;
                ParallelWork.For(chunks, t =>
                {
                    var tileScratch = stackalloc T[DotKernel<T>.Side * DotKernel<T>.Side];
                    var p0 = t * chunk;
                    Tiles((T*)aAddress + p0, lda, (T*)bAddress + p0, ldb, m, n, Math.Min(chunk, k - p0), 0, colTiles, tileScratch, (T*)pAddress + ((nint)t * m * n), n, T.One, accumulate: false);
                }, work);

                for (var i = 0; i < m; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var sum = T.Zero;
                        for (var t = 0; t < chunks; t++)
                        {
                            sum += partials[((nint)t * m * n) + (i * n) + j];
                        }

                        c[((nint)i * ldc) + j] += alpha * sum;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(partial);
        }
    }

    /// <summary>Computes column tiles [firstTile, endTile) of every row tile: C += alpha · dots, or C = dots.</summary>
    private static unsafe void Tiles<T>(T* a, int lda, T* b, int ldb, int m, int n, int k, int firstTile, int endTile, T* scratch, T* c, int ldc, T alpha, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int S = DotKernel<T>.Side;
        for (var jt = firstTile; jt < endTile; jt++)
        {
            var j = jt * S;
            var cols = Math.Min(S, n - j);
            for (var i = 0; i < m; i += S)
            {
                var rows = Math.Min(S, m - i);
                var tile = accumulate ? scratch : c + ((nint)i * ldc) + j;
                var ld = accumulate ? S : ldc;
                if (rows == S && cols == S)
                {
                    DotKernel<T>.Tile(k, a + ((nint)i * lda), lda, b + ((nint)j * ldb), ldb, tile, ld);
                }
                else
                {
                    DotKernel<T>.Edge(rows, cols, k, a + ((nint)i * lda), lda, b + ((nint)j * ldb), ldb, tile, ld);
                }

                if (accumulate)
                {
                    for (var r = 0; r < rows; r++)
                    {
                        for (var col = 0; col < cols; col++)
                        {
                            c[((nint)(i + r) * ldc) + j + col] += alpha * scratch[(r * S) + col];
                        }
                    }
                }
            }
        }
    }
}
