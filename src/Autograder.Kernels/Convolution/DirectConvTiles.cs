using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Autograder.Kernels.Convolution;

/// <summary>The register tiles of <see cref="DirectConv"/>: MR filters × two vectors of grid positions, B read from the image through a row-offset table.</summary>
/// <typeparam name="T">float or double.</typeparam>
/// <remarks>
/// The packed GEMM micro-kernel reads B from a packed panel; here row p of B is the padded image from offset offsets[p] on,
/// contiguous along the positions, so the tile loads it in place and the image (a few kilobytes) stays in L1 for every tile.
/// A is packed once per layer: MR filters' weights interleaved per p. 512-bit tiles are 8 × 2 vectors (16 accumulators),
/// 256-bit tiles 6 × 2 (12, which leaves room in the 16 registers of AVX2).
/// </remarks>
internal static unsafe class DirectConvTiles<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Gets the filters per tile for the vector width in use.</summary>
    public static int Rows => KernelSettings.UseVector512 ? 8 : 6;

    /// <summary>Gets the grid positions per tile for the vector width in use.</summary>
    public static int Columns => KernelSettings.UseVector512 ? 2 * Vector512<T>.Count : 2 * Vector256<T>.Count;

    /// <summary>Writes y[panel·Rows + i, t·Columns + j] for every panel of filters and every tile of positions.</summary>
    /// <param name="image">The padded image, readable <see cref="Columns"/> values past the last position any row needs.</param>
    /// <param name="offsets">Where row p of B starts in the image (p = (c·KH + ki)·KW + kj).</param>
    /// <param name="depth">Rows of B (C·KH·KW).</param>
    /// <param name="packedA">Panels of Rows filters, interleaved per p.</param>
    /// <param name="panels">The number of filter panels.</param>
    /// <param name="y">The output grid, panels·Rows rows of tiles·Columns values.</param>
    /// <param name="tiles">Tiles of positions per row.</param>
    public static void Run(T* image, int* offsets, int depth, T* packedA, int panels, T* y, int tiles)
    {
        if (KernelSettings.UseVector512)
        {
            Run512(image, offsets, depth, packedA, panels, y, tiles);
        }
        else
        {
            Run256(image, offsets, depth, packedA, panels, y, tiles);
        }
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run512(T* image, int* offsets, int depth, T* packedA, int panels, T* y, int tiles)
    {
        var w = Vector512<T>.Count;
        nint stride = (nint)tiles * 2 * w;
        for (var panel = 0; panel < panels; panel++)
        {
            var panelA = packedA + ((nint)panel * depth * 8);
            for (var t = 0; t < tiles; t++)
            {
                var x = image + ((nint)t * 2 * w);
                var a = panelA;
                Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default;
                Vector512<T> c20 = default, c21 = default, c30 = default, c31 = default;
                Vector512<T> c40 = default, c41 = default, c50 = default, c51 = default;
                Vector512<T> c60 = default, c61 = default, c70 = default, c71 = default;
                for (var p = 0; p < depth; p++, a += 8)
                {
                    var src = x + offsets[p];
                    var b0 = Vector512.Load(src);
                    var b1 = Vector512.Load(src + w);
                    var ai = Vector512.Create(a[0]);
                    c00 = Simd.Fma(ai, b0, c00);
                    c01 = Simd.Fma(ai, b1, c01);
                    ai = Vector512.Create(a[1]);
                    c10 = Simd.Fma(ai, b0, c10);
                    c11 = Simd.Fma(ai, b1, c11);
                    ai = Vector512.Create(a[2]);
                    c20 = Simd.Fma(ai, b0, c20);
                    c21 = Simd.Fma(ai, b1, c21);
                    ai = Vector512.Create(a[3]);
                    c30 = Simd.Fma(ai, b0, c30);
                    c31 = Simd.Fma(ai, b1, c31);
                    ai = Vector512.Create(a[4]);
                    c40 = Simd.Fma(ai, b0, c40);
                    c41 = Simd.Fma(ai, b1, c41);
                    ai = Vector512.Create(a[5]);
                    c50 = Simd.Fma(ai, b0, c50);
                    c51 = Simd.Fma(ai, b1, c51);
                    ai = Vector512.Create(a[6]);
                    c60 = Simd.Fma(ai, b0, c60);
                    c61 = Simd.Fma(ai, b1, c61);
                    ai = Vector512.Create(a[7]);
                    c70 = Simd.Fma(ai, b0, c70);
                    c71 = Simd.Fma(ai, b1, c71);
                }

                var row = y + ((nint)panel * 8 * stride) + ((nint)t * 2 * w);
                c00.Store(row);
                c01.Store(row + w);
                c10.Store(row + stride);
                c11.Store(row + stride + w);
                c20.Store(row + (2 * stride));
                c21.Store(row + (2 * stride) + w);
                c30.Store(row + (3 * stride));
                c31.Store(row + (3 * stride) + w);
                c40.Store(row + (4 * stride));
                c41.Store(row + (4 * stride) + w);
                c50.Store(row + (5 * stride));
                c51.Store(row + (5 * stride) + w);
                c60.Store(row + (6 * stride));
                c61.Store(row + (6 * stride) + w);
                c70.Store(row + (7 * stride));
                c71.Store(row + (7 * stride) + w);
            }
        }
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run256(T* image, int* offsets, int depth, T* packedA, int panels, T* y, int tiles)
    {
        var w = Vector256<T>.Count;
        nint stride = (nint)tiles * 2 * w;
        for (var panel = 0; panel < panels; panel++)
        {
            var panelA = packedA + ((nint)panel * depth * 6);
            for (var t = 0; t < tiles; t++)
            {
                var x = image + ((nint)t * 2 * w);
                var a = panelA;
                Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default;
                Vector256<T> c20 = default, c21 = default, c30 = default, c31 = default;
                Vector256<T> c40 = default, c41 = default, c50 = default, c51 = default;
                for (var p = 0; p < depth; p++, a += 6)
                {
                    var src = x + offsets[p];
                    var b0 = Vector256.Load(src);
                    var b1 = Vector256.Load(src + w);
                    var ai = Vector256.Create(a[0]);
                    c00 = Simd.Fma(ai, b0, c00);
                    c01 = Simd.Fma(ai, b1, c01);
                    ai = Vector256.Create(a[1]);
                    c10 = Simd.Fma(ai, b0, c10);
                    c11 = Simd.Fma(ai, b1, c11);
                    ai = Vector256.Create(a[2]);
                    c20 = Simd.Fma(ai, b0, c20);
                    c21 = Simd.Fma(ai, b1, c21);
                    ai = Vector256.Create(a[3]);
                    c30 = Simd.Fma(ai, b0, c30);
                    c31 = Simd.Fma(ai, b1, c31);
                    ai = Vector256.Create(a[4]);
                    c40 = Simd.Fma(ai, b0, c40);
                    c41 = Simd.Fma(ai, b1, c41);
                    ai = Vector256.Create(a[5]);
                    c50 = Simd.Fma(ai, b0, c50);
                    c51 = Simd.Fma(ai, b1, c51);
                }

                var row = y + ((nint)panel * 6 * stride) + ((nint)t * 2 * w);
                c00.Store(row);
                c01.Store(row + w);
                c10.Store(row + stride);
                c11.Store(row + stride + w);
                c20.Store(row + (2 * stride));
                c21.Store(row + (2 * stride) + w);
                c30.Store(row + (3 * stride));
                c31.Store(row + (3 * stride) + w);
                c40.Store(row + (4 * stride));
                c41.Store(row + (4 * stride) + w);
                c50.Store(row + (5 * stride));
                c51.Store(row + (5 * stride) + w);
            }
        }
    }
}
