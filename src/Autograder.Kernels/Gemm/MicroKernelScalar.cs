using System.Numerics;

namespace Autograder.Kernels.Gemm;

/// <summary>The portable micro-kernel (4×4, scalar), used when SIMD is off or unavailable.</summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly unsafe struct MicroKernelScalar<T> : IMicroKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int MR => 4;

    public static int NR => 4;

    public static void Run(int kc, T* a, T* b, T* c, nint ldc, T alpha, bool overwrite)
    {
        var acc = stackalloc T[16];
        for (var i = 0; i < 16; i++)
        {
            acc[i] = T.Zero;
        }

        for (var p = 0; p < kc; p++)
        {
            for (var i = 0; i < 4; i++)
            {
                var ai = a[i];
                for (var j = 0; j < 4; j++)
                {
                    acc[(i * 4) + j] += ai * b[j];
                }
            }

            a += 4;
            b += 4;
        }

        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                var product = alpha * acc[(i * 4) + j];
                c[(i * ldc) + j] = overwrite ? product : c[(i * ldc) + j] + product;
            }
        }
    }
}
