using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Autograder.Kernels.Convolution;

/// <summary>The weight-gradient tiles of <see cref="DirectConv"/>: an outer-product GEMM, dWᵀ (taps × filters) += cols · Gᵀ,
/// Rows taps × two vectors of filters per tile, the column matrix read as scalars from the padded image through the tap
/// offsets and Gᵀ from a transposed gradient grid.</summary>
/// <typeparam name="T">float or double.</typeparam>
/// <remarks>
/// Vectors run over filters, so every accumulator lane is one weight's gradient summed over the grid points in order: no lane
/// sums at the end, and the sums do not depend on how the points are blocked. A tile's step reads two vectors of Gᵀ (kept in
/// L1 over a block of points) and Rows scalars of the image, each cache line of which serves a vector's worth of consecutive
/// points; the former 4 × 4 dot-product tiles read a full vector of the gradient and of the image per four products, and
/// streamed both from L2 or memory for every tile (a third of ResNet-18's 56 × 56 layers' time).
/// </remarks>
internal static unsafe class DirectConvWeightTiles<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Gets the taps per tile (the same register tile as <see cref="DirectConvTiles{T}"/>).</summary>
    public static int Rows => DirectConvTiles<T>.Rows;

    /// <summary>Gets the filters per tile: two vectors.</summary>
    public static int Columns => DirectConvTiles<T>.Columns;

    /// <summary>Adds to acc (Rows × Columns, row-major) the sums over points q &lt; <paramref name="points"/> of
    /// image[taps[m] + q] · gt[q·ldg + j].</summary>
    /// <param name="image">The padded image, advanced to the block's first point.</param>
    /// <param name="taps">Rows tap offsets into the image (a tile past the last tap repeats one; its rows are not used).</param>
    /// <param name="gt">Gᵀ at the block's first point and the tile's first filter.</param>
    /// <param name="ldg">Values per point in Gᵀ.</param>
    /// <param name="points">Points in the block.</param>
    /// <param name="acc">The tile's running sums, read and written.</param>
    public static void Tile(T* image, int* taps, T* gt, nint ldg, int points, T* acc)
    {
        if (KernelSettings.UseVector512)
        {
            Tile512(image, taps, gt, ldg, points, acc);
        }
        else
        {
            Tile256(image, taps, gt, ldg, points, acc);
        }
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile512(T* image, int* taps, T* gt, nint ldg, int points, T* acc)
    {
        var w = Vector512<T>.Count;
        T* x0 = image + taps[0], x1 = image + taps[1], x2 = image + taps[2], x3 = image + taps[3];
        T* x4 = image + taps[4], x5 = image + taps[5], x6 = image + taps[6], x7 = image + taps[7];
        var c00 = Vector512.Load(acc);
        var c01 = Vector512.Load(acc + w);
        var c10 = Vector512.Load(acc + (2 * w));
        var c11 = Vector512.Load(acc + (3 * w));
        var c20 = Vector512.Load(acc + (4 * w));
        var c21 = Vector512.Load(acc + (5 * w));
        var c30 = Vector512.Load(acc + (6 * w));
        var c31 = Vector512.Load(acc + (7 * w));
        var c40 = Vector512.Load(acc + (8 * w));
        var c41 = Vector512.Load(acc + (9 * w));
        var c50 = Vector512.Load(acc + (10 * w));
        var c51 = Vector512.Load(acc + (11 * w));
        var c60 = Vector512.Load(acc + (12 * w));
        var c61 = Vector512.Load(acc + (13 * w));
        var c70 = Vector512.Load(acc + (14 * w));
        var c71 = Vector512.Load(acc + (15 * w));
        for (var q = 0; q < points; q++, gt += ldg)
        {
            var b0 = Vector512.Load(gt);
            var b1 = Vector512.Load(gt + w);
            var a = Vector512.Create(x0[q]);
            c00 = Simd.Fma(a, b0, c00);
            c01 = Simd.Fma(a, b1, c01);
            a = Vector512.Create(x1[q]);
            c10 = Simd.Fma(a, b0, c10);
            c11 = Simd.Fma(a, b1, c11);
            a = Vector512.Create(x2[q]);
            c20 = Simd.Fma(a, b0, c20);
            c21 = Simd.Fma(a, b1, c21);
            a = Vector512.Create(x3[q]);
            c30 = Simd.Fma(a, b0, c30);
            c31 = Simd.Fma(a, b1, c31);
            a = Vector512.Create(x4[q]);
            c40 = Simd.Fma(a, b0, c40);
            c41 = Simd.Fma(a, b1, c41);
            a = Vector512.Create(x5[q]);
            c50 = Simd.Fma(a, b0, c50);
            c51 = Simd.Fma(a, b1, c51);
            a = Vector512.Create(x6[q]);
            c60 = Simd.Fma(a, b0, c60);
            c61 = Simd.Fma(a, b1, c61);
            a = Vector512.Create(x7[q]);
            c70 = Simd.Fma(a, b0, c70);
            c71 = Simd.Fma(a, b1, c71);
        }

        c00.Store(acc);
        c01.Store(acc + w);
        c10.Store(acc + (2 * w));
        c11.Store(acc + (3 * w));
        c20.Store(acc + (4 * w));
        c21.Store(acc + (5 * w));
        c30.Store(acc + (6 * w));
        c31.Store(acc + (7 * w));
        c40.Store(acc + (8 * w));
        c41.Store(acc + (9 * w));
        c50.Store(acc + (10 * w));
        c51.Store(acc + (11 * w));
        c60.Store(acc + (12 * w));
        c61.Store(acc + (13 * w));
        c70.Store(acc + (14 * w));
        c71.Store(acc + (15 * w));
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile256(T* image, int* taps, T* gt, nint ldg, int points, T* acc)
    {
        var w = Vector256<T>.Count;
        T* x0 = image + taps[0], x1 = image + taps[1], x2 = image + taps[2];
        T* x3 = image + taps[3], x4 = image + taps[4], x5 = image + taps[5];
        var c00 = Vector256.Load(acc);
        var c01 = Vector256.Load(acc + w);
        var c10 = Vector256.Load(acc + (2 * w));
        var c11 = Vector256.Load(acc + (3 * w));
        var c20 = Vector256.Load(acc + (4 * w));
        var c21 = Vector256.Load(acc + (5 * w));
        var c30 = Vector256.Load(acc + (6 * w));
        var c31 = Vector256.Load(acc + (7 * w));
        var c40 = Vector256.Load(acc + (8 * w));
        var c41 = Vector256.Load(acc + (9 * w));
        var c50 = Vector256.Load(acc + (10 * w));
        var c51 = Vector256.Load(acc + (11 * w));
        for (var q = 0; q < points; q++, gt += ldg)
        {
            var b0 = Vector256.Load(gt);
            var b1 = Vector256.Load(gt + w);
            var a = Vector256.Create(x0[q]);
            c00 = Simd.Fma(a, b0, c00);
            c01 = Simd.Fma(a, b1, c01);
            a = Vector256.Create(x1[q]);
            c10 = Simd.Fma(a, b0, c10);
            c11 = Simd.Fma(a, b1, c11);
            a = Vector256.Create(x2[q]);
            c20 = Simd.Fma(a, b0, c20);
            c21 = Simd.Fma(a, b1, c21);
            a = Vector256.Create(x3[q]);
            c30 = Simd.Fma(a, b0, c30);
            c31 = Simd.Fma(a, b1, c31);
            a = Vector256.Create(x4[q]);
            c40 = Simd.Fma(a, b0, c40);
            c41 = Simd.Fma(a, b1, c41);
            a = Vector256.Create(x5[q]);
            c50 = Simd.Fma(a, b0, c50);
            c51 = Simd.Fma(a, b1, c51);
        }

        c00.Store(acc);
        c01.Store(acc + w);
        c10.Store(acc + (2 * w));
        c11.Store(acc + (3 * w));
        c20.Store(acc + (4 * w));
        c21.Store(acc + (5 * w));
        c30.Store(acc + (6 * w));
        c31.Store(acc + (7 * w));
        c40.Store(acc + (8 * w));
        c41.Store(acc + (9 * w));
        c50.Store(acc + (10 * w));
        c51.Store(acc + (11 * w));
    }
}
