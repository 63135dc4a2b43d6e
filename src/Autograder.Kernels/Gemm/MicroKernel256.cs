using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Autograder.Kernels.Gemm;

/// <summary>The AVX2 micro-kernel: 6 rows × 2 vectors of columns (16 floats or 8 doubles), 12 accumulators.</summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly unsafe struct MicroKernel256<T> : IMicroKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int MR => 6;

    public static int NR => 2 * Vector256<T>.Count;

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T* c, nint ldc, T alpha, bool overwrite)
    {
        var w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector256<T> c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
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
            a += 6;
            b += 2 * w;
        }

        var va = Vector256.Create(alpha);
        Store(c, w, va, overwrite, c00, c01);
        Store(c + ldc, w, va, overwrite, c10, c11);
        Store(c + (2 * ldc), w, va, overwrite, c20, c21);
        Store(c + (3 * ldc), w, va, overwrite, c30, c31);
        Store(c + (4 * ldc), w, va, overwrite, c40, c41);
        Store(c + (5 * ldc), w, va, overwrite, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* row, int w, Vector256<T> alpha, bool overwrite, Vector256<T> lo, Vector256<T> hi)
    {
        if (overwrite)
        {
            (alpha * lo).Store(row);
            (alpha * hi).Store(row + w);
        }
        else
        {
            Simd.Fma(alpha, lo, Vector256.Load(row)).Store(row);
            Simd.Fma(alpha, hi, Vector256.Load(row + w)).Store(row + w);
        }
    }
}
