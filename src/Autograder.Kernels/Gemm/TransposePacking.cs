using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Autograder.Kernels.Gemm;

/// <summary>Packs rows of a matrix as interleaved columns, dest[p · width + r] = src[r · ld + p], by register transposes.</summary>
/// <remarks>
/// The packing of A as stored (rows into MR-wide slivers) and of B stored transposed (a linear layer's weight, rows into
/// NR-wide panels) are both this transpose. Element by element it cost a quarter of a 64-row linear layer's forward pass;
/// 8 × 8 blocks of floats (4 × 4 of doubles) are transposed in AVX registers instead, and the ragged rest element-wise.
/// </remarks>
internal static unsafe class TransposePacking
{
    /// <summary>Writes dest[p · width + r] = src[r · ld + p] for r &lt; rows and p &lt; kc, and zeros for rows ≤ r &lt; width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pack<T>(T* src, nint ld, int rows, int kc, int width, T* dest)
        where T : unmanaged
    {
        var r = 0;
        if (Avx.IsSupported && KernelSettings.UseVector256)
        {
            if (typeof(T) == typeof(float))
            {
                for (; r + 8 <= rows; r += 8)
                {
                    var p = 0;
                    for (; p + 8 <= kc; p += 8)
                    {
                        Transpose8((float*)src + (r * ld) + p, ld, (float*)dest + (p * width) + r, width);
                    }

                    Scalar(src + (r * ld), ld, 8, p, kc, width, dest + r);
                }
            }
            else if (typeof(T) == typeof(double))
            {
                for (; r + 4 <= rows; r += 4)
                {
                    var p = 0;
                    for (; p + 4 <= kc; p += 4)
                    {
                        Transpose4((double*)src + (r * ld) + p, ld, (double*)dest + (p * width) + r, width);
                    }

                    Scalar(src + (r * ld), ld, 4, p, kc, width, dest + r);
                }
            }
        }

        Scalar(src + (r * ld), ld, rows - r, 0, kc, width, dest + r);
        for (var p = 0; p < kc; p++)
        {
            new Span<T>(dest + ((nint)p * width) + rows, width - rows).Clear();
        }
    }

    /// <summary>Element-wise: dest[p · width + r] = src[r · ld + p] for r &lt; rows and first ≤ p &lt; kc.</summary>
    private static void Scalar<T>(T* src, nint ld, int rows, int first, int kc, int width, T* dest)
        where T : unmanaged
    {
        for (var r = 0; r < rows; r++)
        {
            var row = src + (r * ld);
            for (var p = first; p < kc; p++)
            {
                dest[((nint)p * width) + r] = row[p];
            }
        }
    }

    /// <summary>Transposes the 8 × 8 floats at src (row stride ld) into dest (row stride width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(float* src, nint ld, float* dest, int width)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + ld);
        var r2 = Avx.LoadVector256(src + (2 * ld));
        var r3 = Avx.LoadVector256(src + (3 * ld));
        var r4 = Avx.LoadVector256(src + (4 * ld));
        var r5 = Avx.LoadVector256(src + (5 * ld));
        var r6 = Avx.LoadVector256(src + (6 * ld));
        var r7 = Avx.LoadVector256(src + (7 * ld));
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);

        // Each 128-bit lane now holds columns (0, 1 | 4, 5) or (2, 3 | 6, 7) of a row pair; gather four rows per column.
        var s0 = Avx.Shuffle(t0, t2, 0x44);
        var s1 = Avx.Shuffle(t0, t2, 0xEE);
        var s2 = Avx.Shuffle(t1, t3, 0x44);
        var s3 = Avx.Shuffle(t1, t3, 0xEE);
        var s4 = Avx.Shuffle(t4, t6, 0x44);
        var s5 = Avx.Shuffle(t4, t6, 0xEE);
        var s6 = Avx.Shuffle(t5, t7, 0x44);
        var s7 = Avx.Shuffle(t5, t7, 0xEE);

        // Lane j of s holds column j (low) and j + 4 (high) of four rows; join the rows 0–3 and 4–7 halves.
        Avx.Store(dest, Avx.Permute2x128(s0, s4, 0x20));
        Avx.Store(dest + width, Avx.Permute2x128(s1, s5, 0x20));
        Avx.Store(dest + (2 * width), Avx.Permute2x128(s2, s6, 0x20));
        Avx.Store(dest + (3 * width), Avx.Permute2x128(s3, s7, 0x20));
        Avx.Store(dest + (4 * width), Avx.Permute2x128(s0, s4, 0x31));
        Avx.Store(dest + (5 * width), Avx.Permute2x128(s1, s5, 0x31));
        Avx.Store(dest + (6 * width), Avx.Permute2x128(s2, s6, 0x31));
        Avx.Store(dest + (7 * width), Avx.Permute2x128(s3, s7, 0x31));
    }

    /// <summary>Transposes the 4 × 4 doubles at src (row stride ld) into dest (row stride width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4(double* src, nint ld, double* dest, int width)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + ld);
        var r2 = Avx.LoadVector256(src + (2 * ld));
        var r3 = Avx.LoadVector256(src + (3 * ld));
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        Avx.Store(dest, Avx.Permute2x128(t0, t2, 0x20));
        Avx.Store(dest + width, Avx.Permute2x128(t1, t3, 0x20));
        Avx.Store(dest + (2 * width), Avx.Permute2x128(t0, t2, 0x31));
        Avx.Store(dest + (3 * width), Avx.Permute2x128(t1, t3, 0x31));
    }
}
