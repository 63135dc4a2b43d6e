using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Autograder.Kernels.Gemm;

/// <summary>The AVX-512 micro-kernel: 8 rows × 2 vectors of columns (32 floats or 16 doubles), 16 accumulators.</summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly unsafe struct MicroKernel512<T> : IMicroKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int MR => 8;

    public static int NR => 2 * Vector512<T>.Count;

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T* c, nint ldc, T alpha, bool overwrite)
    {
        var w = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<T> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<T> c60 = default, c61 = default, c70 = default, c71 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + w);
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
            a += 8;
            b += 2 * w;
        }

        var va = Vector512.Create(alpha);
        Store(c, w, va, overwrite, c00, c01);
        Store(c + ldc, w, va, overwrite, c10, c11);
        Store(c + (2 * ldc), w, va, overwrite, c20, c21);
        Store(c + (3 * ldc), w, va, overwrite, c30, c31);
        Store(c + (4 * ldc), w, va, overwrite, c40, c41);
        Store(c + (5 * ldc), w, va, overwrite, c50, c51);
        Store(c + (6 * ldc), w, va, overwrite, c60, c61);
        Store(c + (7 * ldc), w, va, overwrite, c70, c71);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* row, int w, Vector512<T> alpha, bool overwrite, Vector512<T> lo, Vector512<T> hi)
    {
        if (overwrite)
        {
            (alpha * lo).Store(row);
            (alpha * hi).Store(row + w);
        }
        else
        {
            Simd.Fma(alpha, lo, Vector512.Load(row)).Store(row);
            Simd.Fma(alpha, hi, Vector512.Load(row + w)).Store(row + w);
        }
    }
}
