using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Autograder.Kernels.Convolution;

/// <summary>Copy, add and clear for the short rows of small images (a 12- or 28-value image row), in at most one vector of each width.</summary>
/// <remarks>
/// im2col and col2im move an image row per output row and kernel offset: over a hundred thousand rows of a dozen values per
/// batch, where a call to a general memmove or span kernel costs more than the data. These run inline: 16, 8 and 4 values per
/// vector, then single values.
/// </remarks>
internal static unsafe class SmallRows
{
    /// <summary>dst[0..n) = src[0..n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy<T>(T* src, T* dst, int n)
        where T : unmanaged
    {
        var bytes = n * sizeof(T);
        var s = (byte*)src;
        var d = (byte*)dst;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; bytes >= 64; bytes -= 64, s += 64, d += 64)
            {
                Vector512.Store(Vector512.Load(s), d);
            }
        }

        for (; bytes >= 32; bytes -= 32, s += 32, d += 32)
        {
            Vector256.Store(Vector256.Load(s), d);
        }

        if (bytes >= 16)
        {
            Vector128.Store(Vector128.Load(s), d);
            bytes -= 16;
            s += 16;
            d += 16;
        }

        for (; bytes > 0; bytes -= 4, s += 4, d += 4)
        {
            *(int*)d = *(int*)s;
        }
    }

    /// <summary>dst[0..n) = src[0..n) + value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyPlus<T>(T* src, T value, T* dst, int n)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var i = 0;
        if (KernelSettings.UseVector512)
        {
            var v = Vector512.Create(value);
            for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                (Vector512.Load(src + i) + v).Store(dst + i);
            }
        }

        if (KernelSettings.UseVector256)
        {
            var v = Vector256.Create(value);
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                (Vector256.Load(src + i) + v).Store(dst + i);
            }
        }

        for (; i < n; i++)
        {
            dst[i] = src[i] + value;
        }
    }

    /// <summary>dst[0..n) = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear<T>(T* dst, int n)
        where T : unmanaged
    {
        for (var i = 0; i < n; i++)
        {
            dst[i] = default;
        }
    }

    /// <summary>dst[0..n) += src[0..n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<T>(T* src, T* dst, int n)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var i = 0;
        if (KernelSettings.UseVector512)
        {
            for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                (Vector512.Load(dst + i) + Vector512.Load(src + i)).Store(dst + i);
            }
        }

        if (KernelSettings.UseVector256)
        {
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                (Vector256.Load(dst + i) + Vector256.Load(src + i)).Store(dst + i);
            }

            if (i <= n - Vector128<T>.Count)
            {
                (Vector128.Load(dst + i) + Vector128.Load(src + i)).Store(dst + i);
                i += Vector128<T>.Count;
            }
        }

        for (; i < n; i++)
        {
            dst[i] += src[i];
        }
    }
}
