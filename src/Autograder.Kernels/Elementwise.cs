using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Autograder.Kernels.Operators;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Autograder.Kernels;

/// <summary>Elementwise kernels: spans in, destination last; SIMD through the operator's span form, or a scalar loop.</summary>
/// <remarks>
/// Binary kernels take a stride per input: 1 walks the input, 0 repeats its first element (a broadcast),
/// anything else is a general stride. Strides 0 and 1 take the vectorised path when SIMD is on.
/// </remarks>
public static class Elementwise
{
    /// <summary>Maps at least this long run in parallel, in fixed blocks of <see cref="ParallelBlock"/> elements.</summary>
    private const int ParallelLength = 1 << 18;

    /// <summary>Elements per parallel block; fixed, so which elements a vector loop's scalar tail computes never depends on the thread count.</summary>
    private const int ParallelBlock = 1 << 15;

    /// <summary>destination[i] = f(x[i]).</summary>
    public static void Map<T, TOp>(ReadOnlySpan<T> x, Span<T> destination)
        where TOp : IUnaryOperator<T>
    {
        ThrowHelper.CheckLength("Elementwise.Map", nameof(x), x.Length, destination.Length);
        x = x[..destination.Length];
        if (KernelSettings.SimdEnabled)
        {
            if (destination.Length >= ParallelLength)
            {
                InParallel<T, TOp>(x, destination);
                return;
            }

            TOp.Invoke(x, destination);
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = TOp.Invoke(x[i]);
        }
    }

    /// <summary>destination[i] = f(x[i · xStride], y[i · yStride]) for i in [0, destination.Length).</summary>
    public static void Map<T, TOp>(ReadOnlySpan<T> x, int xStride, ReadOnlySpan<T> y, int yStride, Span<T> destination)
        where TOp : IBinaryOperator<T>
    {
        var n = destination.Length;
        if (n == 0)
        {
            return;
        }

        ThrowHelper.CheckLength("Elementwise.Map", nameof(x), x.Length, ((long)(n - 1) * xStride) + 1);
        ThrowHelper.CheckLength("Elementwise.Map", nameof(y), y.Length, ((long)(n - 1) * yStride) + 1);
        if (KernelSettings.SimdEnabled)
        {
            if (n >= ParallelLength && xStride is 0 or 1 && yStride is 0 or 1)
            {
                InParallel<T, TOp>(x, xStride, y, yStride, destination);
                return;
            }

            switch (xStride, yStride)
            {
                case (1, 1):
                    TOp.Invoke(x[..n], y[..n], destination);
                    return;
                case (1, 0):
                    TOp.Invoke(x[..n], y[0], destination);
                    return;
                case (0, 1):
                    TOp.Invoke(x[0], y[..n], destination);
                    return;
                default:
                    break;
            }
        }

        for (int i = 0, ix = 0, iy = 0; i < n; i++, ix += xStride, iy += yStride)
        {
            destination[i] = TOp.Invoke(x[ix], y[iy]);
        }
    }

    /// <summary>Runs a unary map block by block on the worker team.</summary>
    private static unsafe void InParallel<T, TOp>(ReadOnlySpan<T> x, Span<T> destination)
        where TOp : IUnaryOperator<T>
    {
        var n = destination.Length;
        fixed (byte* px = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(x)), pd = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(destination)))
        {
            nint xAddress = (nint)px, dAddress = (nint)pd;
            ParallelWork.For((n + ParallelBlock - 1) / ParallelBlock, block =>
            {
                var (start, length) = Block(block, n);
                Map<T, TOp>(At<T>(xAddress, start, length), At<T>(dAddress, start, length));
            }, totalWork: n);
        }
    }

    /// <summary>Runs a binary map with strides 0 or 1 block by block on the worker team.</summary>
    private static unsafe void InParallel<T, TOp>(ReadOnlySpan<T> x, int xStride, ReadOnlySpan<T> y, int yStride, Span<T> destination)
        where TOp : IBinaryOperator<T>
    {
        var n = destination.Length;
        fixed (byte* px = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(x)), py = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(y)), pd = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(destination)))
        {
            nint xAddress = (nint)px, yAddress = (nint)py, dAddress = (nint)pd;
            ParallelWork.For((n + ParallelBlock - 1) / ParallelBlock, block =>
            {
                var (start, length) = Block(block, n);
                Map<T, TOp>(
                    At<T>(xAddress, xStride * start, xStride == 0 ? 1 : length), xStride,
                    At<T>(yAddress, yStride * start, yStride == 0 ? 1 : length), yStride,
                    At<T>(dAddress, start, length));
            }, totalWork: n);
        }
    }

    private static (int Start, int Length) Block(int block, int n) => (block * ParallelBlock, Math.Min(ParallelBlock, n - (block * ParallelBlock)));

    /// <summary>A span over length elements from element offset of the pinned buffer at address.</summary>
    private static unsafe Span<T> At<T>(nint address, int offset, int length) =>
        MemoryMarshal.CreateSpan(ref Unsafe.Add(ref Unsafe.AsRef<T>((void*)address), offset), length);

    /// <summary>destination[i] = x[i] · scale.</summary>
    public static void Scale<T>(ReadOnlySpan<T> x, T scale, Span<T> destination)
        where T : INumber<T> => Map<T, MultiplyOperator<T>>(x, 1, [scale], 0, destination);

    /// <summary>destination[i] = x[i] · scale + addend[i].</summary>
    public static void MultiplyAdd<T>(ReadOnlySpan<T> x, T scale, ReadOnlySpan<T> addend, Span<T> destination)
        where T : INumber<T>
    {
        var n = destination.Length;
        ThrowHelper.CheckLength("Elementwise.MultiplyAdd", nameof(x), x.Length, n);
        ThrowHelper.CheckLength("Elementwise.MultiplyAdd", nameof(addend), addend.Length, n);
        if (KernelSettings.SimdEnabled)
        {
            TP.MultiplyAdd(x[..n], scale, addend[..n], destination);
            return;
        }

        for (var i = 0; i < n; i++)
        {
            destination[i] = (x[i] * scale) + addend[i];
        }
    }

    /// <summary>destination[i] = value.</summary>
    public static void Fill<T>(T value, Span<T> destination) => destination.Fill(value);

    /// <summary>destination[i] = (TTo)x[i], converting between element types (saturating for integers, like a C cast of in-range values).</summary>
    public static void Convert<TFrom, TTo>(ReadOnlySpan<TFrom> x, Span<TTo> destination)
        where TFrom : INumberBase<TFrom>
        where TTo : INumberBase<TTo>
    {
        ThrowHelper.CheckLength("Elementwise.Convert", nameof(x), x.Length, destination.Length);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = TTo.CreateTruncating(x[i]);
        }
    }
}
