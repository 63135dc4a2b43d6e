using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Autograder.Kernels.Convolution;

/// <summary>The weight-gradient tiles of <see cref="DirectConv"/>: 4 filters × 4 taps of dot products between gradient grids and image slices, summed over a run of images before the lanes are.</summary>
/// <typeparam name="T">float or double.</typeparam>
/// <remarks>A grid row is only a few vectors long (166 points for a 12 × 12 output), so summing lanes per image would cost as
/// much as the products; the accumulators run over every image of the run first.</remarks>
internal static unsafe class DirectConvWeightTiles<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Adds to dw[f·ldw + p] the sums over images i of Σ_q grads_i[f·gridStride + q] · images_i[offsets[p] + q], for the 4 × 4 tile at (f0, p0).</summary>
    /// <param name="grads">The gradient grids, one run of F rows per image.</param>
    /// <param name="gridStride">Values per grid row.</param>
    /// <param name="gradStride">Values per image's grids.</param>
    /// <param name="images">The padded images.</param>
    /// <param name="imageStride">Values per padded image.</param>
    /// <param name="count">Images in the run.</param>
    /// <param name="offsets">Where each tap's slice starts in a padded image.</param>
    /// <param name="points">Grid points per row to sum over (whole vectors).</param>
    /// <param name="f0">The tile's first filter.</param>
    /// <param name="p0">The tile's first tap.</param>
    /// <param name="rows">Filters in this tile (at most 4).</param>
    /// <param name="cols">Taps in this tile (at most 4).</param>
    /// <param name="dw">The weight gradient, added to.</param>
    /// <param name="ldw">Its row stride.</param>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile(T* grads, nint gridStride, nint gradStride, T* images, nint imageStride, int count, int* offsets, int points, int f0, int p0, int rows, int cols, T* dw, nint ldw)
    {
        // Rows and taps past the edge repeat the last one and are not stored.
        nint g0 = f0 * gridStride, g1 = Math.Min(f0 + 1, f0 + rows - 1) * gridStride, g2 = Math.Min(f0 + 2, f0 + rows - 1) * gridStride, g3 = Math.Min(f0 + 3, f0 + rows - 1) * gridStride;
        nint x0 = offsets[p0], x1 = offsets[p0 + Math.Min(1, cols - 1)], x2 = offsets[p0 + Math.Min(2, cols - 1)], x3 = offsets[p0 + Math.Min(3, cols - 1)];
        var sums = stackalloc T[16];
        if (KernelSettings.UseVector512)
        {
            Sums512(grads, gradStride, images, imageStride, count, points, g0, g1, g2, g3, x0, x1, x2, x3, sums);
        }
        else
        {
            Sums256(grads, gradStride, images, imageStride, count, points, g0, g1, g2, g3, x0, x1, x2, x3, sums);
        }

        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < cols; j++)
            {
                dw[((f0 + r) * ldw) + p0 + j] += sums[(r * 4) + j];
            }
        }
    }

    private static void Sums512(T* grads, nint gradStride, T* images, nint imageStride, int count, int points, nint g0, nint g1, nint g2, nint g3, nint x0, nint x1, nint x2, nint x3, T* sums)
    {
        var w = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default, c02 = default, c03 = default, c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<T> c20 = default, c21 = default, c22 = default, c23 = default, c30 = default, c31 = default, c32 = default, c33 = default;
        for (var i = 0; i < count; i++)
        {
            T* g = grads + (i * gradStride), x = images + (i * imageStride);
            for (var q = 0; q < points; q += w)
            {
                Vector512<T> b0 = Vector512.Load(x + x0 + q), b1 = Vector512.Load(x + x1 + q), b2 = Vector512.Load(x + x2 + q), b3 = Vector512.Load(x + x3 + q);
                var a = Vector512.Load(g + g0 + q);
                (c00, c01, c02, c03) = (Simd.Fma(a, b0, c00), Simd.Fma(a, b1, c01), Simd.Fma(a, b2, c02), Simd.Fma(a, b3, c03));
                a = Vector512.Load(g + g1 + q);
                (c10, c11, c12, c13) = (Simd.Fma(a, b0, c10), Simd.Fma(a, b1, c11), Simd.Fma(a, b2, c12), Simd.Fma(a, b3, c13));
                a = Vector512.Load(g + g2 + q);
                (c20, c21, c22, c23) = (Simd.Fma(a, b0, c20), Simd.Fma(a, b1, c21), Simd.Fma(a, b2, c22), Simd.Fma(a, b3, c23));
                a = Vector512.Load(g + g3 + q);
                (c30, c31, c32, c33) = (Simd.Fma(a, b0, c30), Simd.Fma(a, b1, c31), Simd.Fma(a, b2, c32), Simd.Fma(a, b3, c33));
            }
        }

        (sums[0], sums[1], sums[2], sums[3]) = (Vector512.Sum(c00), Vector512.Sum(c01), Vector512.Sum(c02), Vector512.Sum(c03));
        (sums[4], sums[5], sums[6], sums[7]) = (Vector512.Sum(c10), Vector512.Sum(c11), Vector512.Sum(c12), Vector512.Sum(c13));
        (sums[8], sums[9], sums[10], sums[11]) = (Vector512.Sum(c20), Vector512.Sum(c21), Vector512.Sum(c22), Vector512.Sum(c23));
        (sums[12], sums[13], sums[14], sums[15]) = (Vector512.Sum(c30), Vector512.Sum(c31), Vector512.Sum(c32), Vector512.Sum(c33));
    }

    private static void Sums256(T* grads, nint gradStride, T* images, nint imageStride, int count, int points, nint g0, nint g1, nint g2, nint g3, nint x0, nint x1, nint x2, nint x3, T* sums)
    {
        var w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c02 = default, c03 = default, c10 = default, c11 = default, c12 = default, c13 = default;
        Vector256<T> c20 = default, c21 = default, c22 = default, c23 = default, c30 = default, c31 = default, c32 = default, c33 = default;
        for (var i = 0; i < count; i++)
        {
            T* g = grads + (i * gradStride), x = images + (i * imageStride);
            for (var q = 0; q < points; q += w)
            {
                Vector256<T> b0 = Vector256.Load(x + x0 + q), b1 = Vector256.Load(x + x1 + q), b2 = Vector256.Load(x + x2 + q), b3 = Vector256.Load(x + x3 + q);
                var a = Vector256.Load(g + g0 + q);
                (c00, c01, c02, c03) = (Simd.Fma(a, b0, c00), Simd.Fma(a, b1, c01), Simd.Fma(a, b2, c02), Simd.Fma(a, b3, c03));
                a = Vector256.Load(g + g1 + q);
                (c10, c11, c12, c13) = (Simd.Fma(a, b0, c10), Simd.Fma(a, b1, c11), Simd.Fma(a, b2, c12), Simd.Fma(a, b3, c13));
                a = Vector256.Load(g + g2 + q);
                (c20, c21, c22, c23) = (Simd.Fma(a, b0, c20), Simd.Fma(a, b1, c21), Simd.Fma(a, b2, c22), Simd.Fma(a, b3, c23));
                a = Vector256.Load(g + g3 + q);
                (c30, c31, c32, c33) = (Simd.Fma(a, b0, c30), Simd.Fma(a, b1, c31), Simd.Fma(a, b2, c32), Simd.Fma(a, b3, c33));
            }
        }

        (sums[0], sums[1], sums[2], sums[3]) = (Vector256.Sum(c00), Vector256.Sum(c01), Vector256.Sum(c02), Vector256.Sum(c03));
        (sums[4], sums[5], sums[6], sums[7]) = (Vector256.Sum(c10), Vector256.Sum(c11), Vector256.Sum(c12), Vector256.Sum(c13));
        (sums[8], sums[9], sums[10], sums[11]) = (Vector256.Sum(c20), Vector256.Sum(c21), Vector256.Sum(c22), Vector256.Sum(c23));
        (sums[12], sums[13], sums[14], sums[15]) = (Vector256.Sum(c30), Vector256.Sum(c31), Vector256.Sum(c32), Vector256.Sum(c33));
    }
}
