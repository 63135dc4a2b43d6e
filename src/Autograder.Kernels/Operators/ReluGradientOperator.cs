using System.Numerics;
using System.Runtime.Intrinsics;

namespace Autograder.Kernels.Operators;

/// <summary>The gradient of ReLU from its output: g where y &gt; 0, else 0 (x = g, y = the ReLU output).</summary>
public readonly struct ReluGradientOperator<T> : IBinaryOperator<T>
    where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => y > T.Zero ? x : T.Zero;

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            for (; i <= destination.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var g = Vector256.Create(x.Slice(i, Vector256<T>.Count));
                var mask = Vector256.GreaterThan(Vector256.Create(y.Slice(i, Vector256<T>.Count)), Vector256<T>.Zero);
                (g & mask).CopyTo(destination[i..]);
            }
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = Invoke(x[i], y[i]);
        }
    }

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Invoke(x[i], y);
        }
    }

    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Invoke(x, y[i]);
        }
    }
}
