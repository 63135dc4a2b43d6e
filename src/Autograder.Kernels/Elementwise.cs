using System.Numerics;
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
    /// <summary>destination[i] = f(x[i]).</summary>
    public static void Map<T, TOp>(ReadOnlySpan<T> x, Span<T> destination)
        where TOp : IUnaryOperator<T>
    {
        ThrowHelper.CheckLength("Elementwise.Map", nameof(x), x.Length, destination.Length);
        x = x[..destination.Length];
        if (KernelSettings.SimdEnabled)
        {
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
