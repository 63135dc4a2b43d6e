using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Autograder.Kernels.Gemm;

/// <summary>Dot products of rows that are contiguous along k, four rows of A against four rows of B at a time (for C = A · Bᵀ).</summary>
/// <typeparam name="T">float or double.</typeparam>
/// <remarks>
/// Sixteen vector accumulators take one vector of each of the eight rows per step, so the loop needs no packed copy of
/// either operand: a linear layer's x · Wᵀ and a convolution's weight gradient G · colsᵀ read both straight from memory.
/// Lanes are summed at the end of the k range; every dot product sums its terms in the same order wherever it lies in C.
/// </remarks>
internal static unsafe class DotKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The side of the square tile of C that <see cref="Tile"/> computes.</summary>
    public const int Side = 4;

    /// <summary>Sets the 4 × 4 tile at <paramref name="c"/> to the dot products of rows a[0..4) and b[0..4) over k values.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile(int k, T* a, nint lda, T* b, nint ldb, T* c, nint ldc)
    {
        if (KernelSettings.UseVector512)
        {
            Tile512(k, a, lda, b, ldb, c, ldc);
        }
        else
        {
            Tile256(k, a, lda, b, ldb, c, ldc);
        }
    }

    /// <summary>Sets c[r·ldc + j] to the dot product of row r of a and row j of b, for a tile of rows × cols below four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Edge(int rows, int cols, int k, T* a, nint lda, T* b, nint ldb, T* c, nint ldc)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < cols; j++)
            {
                c[(r * ldc) + j] = Dot(k, a + (r * lda), b + (j * ldb));
            }
        }
    }

    private static T Dot(int k, T* x, T* y)
    {
        var p = 0;
        var sum = T.Zero;
        if (KernelSettings.UseVector512)
        {
            var acc = Vector512<T>.Zero;
            for (; p <= k - Vector512<T>.Count; p += Vector512<T>.Count)
            {
                acc = Simd.Fma(Vector512.Load(x + p), Vector512.Load(y + p), acc);
            }

            sum = Vector512.Sum(acc);
        }
        else
        {
            var acc = Vector256<T>.Zero;
            for (; p <= k - Vector256<T>.Count; p += Vector256<T>.Count)
            {
                acc = Simd.Fma(Vector256.Load(x + p), Vector256.Load(y + p), acc);
            }

            sum = Vector256.Sum(acc);
        }

        for (; p < k; p++)
        {
            sum = T.FusedMultiplyAdd(x[p], y[p], sum);
        }

        return sum;
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile512(int k, T* a, nint lda, T* b, nint ldb, T* c, nint ldc)
    {
        T* a0 = a, a1 = a + lda, a2 = a + (2 * lda), a3 = a + (3 * lda);
        T* b0 = b, b1 = b + ldb, b2 = b + (2 * ldb), b3 = b + (3 * ldb);
        Vector512<T> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<T> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<T> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector512<T> c30 = default, c31 = default, c32 = default, c33 = default;
        var w = Vector512<T>.Count;
        var p = 0;
        for (; p <= k - w; p += w)
        {
            var y0 = Vector512.Load(b0 + p);
            var y1 = Vector512.Load(b1 + p);
            var y2 = Vector512.Load(b2 + p);
            var y3 = Vector512.Load(b3 + p);
            var x = Vector512.Load(a0 + p);
            c00 = Simd.Fma(x, y0, c00);
            c01 = Simd.Fma(x, y1, c01);
            c02 = Simd.Fma(x, y2, c02);
            c03 = Simd.Fma(x, y3, c03);
            x = Vector512.Load(a1 + p);
            c10 = Simd.Fma(x, y0, c10);
            c11 = Simd.Fma(x, y1, c11);
            c12 = Simd.Fma(x, y2, c12);
            c13 = Simd.Fma(x, y3, c13);
            x = Vector512.Load(a2 + p);
            c20 = Simd.Fma(x, y0, c20);
            c21 = Simd.Fma(x, y1, c21);
            c22 = Simd.Fma(x, y2, c22);
            c23 = Simd.Fma(x, y3, c23);
            x = Vector512.Load(a3 + p);
            c30 = Simd.Fma(x, y0, c30);
            c31 = Simd.Fma(x, y1, c31);
            c32 = Simd.Fma(x, y2, c32);
            c33 = Simd.Fma(x, y3, c33);
        }

        Row(c, Vector512.Sum(c00), Vector512.Sum(c01), Vector512.Sum(c02), Vector512.Sum(c03));
        Row(c + ldc, Vector512.Sum(c10), Vector512.Sum(c11), Vector512.Sum(c12), Vector512.Sum(c13));
        Row(c + (2 * ldc), Vector512.Sum(c20), Vector512.Sum(c21), Vector512.Sum(c22), Vector512.Sum(c23));
        Row(c + (3 * ldc), Vector512.Sum(c30), Vector512.Sum(c31), Vector512.Sum(c32), Vector512.Sum(c33));
        Tail(p, k, a, lda, b, ldb, c, ldc);
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile256(int k, T* a, nint lda, T* b, nint ldb, T* c, nint ldc)
    {
        T* a0 = a, a1 = a + lda, a2 = a + (2 * lda), a3 = a + (3 * lda);
        T* b0 = b, b1 = b + ldb, b2 = b + (2 * ldb), b3 = b + (3 * ldb);
        Vector256<T> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector256<T> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector256<T> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector256<T> c30 = default, c31 = default, c32 = default, c33 = default;
        var w = Vector256<T>.Count;
        var p = 0;
        for (; p <= k - w; p += w)
        {
            var y0 = Vector256.Load(b0 + p);
            var y1 = Vector256.Load(b1 + p);
            var y2 = Vector256.Load(b2 + p);
            var y3 = Vector256.Load(b3 + p);
            var x = Vector256.Load(a0 + p);
            c00 = Simd.Fma(x, y0, c00);
            c01 = Simd.Fma(x, y1, c01);
            c02 = Simd.Fma(x, y2, c02);
            c03 = Simd.Fma(x, y3, c03);
            x = Vector256.Load(a1 + p);
            c10 = Simd.Fma(x, y0, c10);
            c11 = Simd.Fma(x, y1, c11);
            c12 = Simd.Fma(x, y2, c12);
            c13 = Simd.Fma(x, y3, c13);
            x = Vector256.Load(a2 + p);
            c20 = Simd.Fma(x, y0, c20);
            c21 = Simd.Fma(x, y1, c21);
            c22 = Simd.Fma(x, y2, c22);
            c23 = Simd.Fma(x, y3, c23);
            x = Vector256.Load(a3 + p);
            c30 = Simd.Fma(x, y0, c30);
            c31 = Simd.Fma(x, y1, c31);
            c32 = Simd.Fma(x, y2, c32);
            c33 = Simd.Fma(x, y3, c33);
        }

        Row(c, Vector256.Sum(c00), Vector256.Sum(c01), Vector256.Sum(c02), Vector256.Sum(c03));
        Row(c + ldc, Vector256.Sum(c10), Vector256.Sum(c11), Vector256.Sum(c12), Vector256.Sum(c13));
        Row(c + (2 * ldc), Vector256.Sum(c20), Vector256.Sum(c21), Vector256.Sum(c22), Vector256.Sum(c23));
        Row(c + (3 * ldc), Vector256.Sum(c30), Vector256.Sum(c31), Vector256.Sum(c32), Vector256.Sum(c33));
        Tail(p, k, a, lda, b, ldb, c, ldc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row(T* c, T s0, T s1, T s2, T s3)
    {
        c[0] = s0;
        c[1] = s1;
        c[2] = s2;
        c[3] = s3;
    }

    /// <summary>Adds the terms k values past the last full vector, one by one.</summary>
    private static void Tail(int p0, int k, T* a, nint lda, T* b, nint ldb, T* c, nint ldc)
    {
        for (var r = 0; r < Side; r++)
        {
            for (var j = 0; j < Side; j++)
            {
                var sum = c[(r * ldc) + j];
                for (var p = p0; p < k; p++)
                {
                    sum = T.FusedMultiplyAdd(a[(r * lda) + p], b[(j * ldb) + p], sum);
                }

                c[(r * ldc) + j] = sum;
            }
        }
    }
}
