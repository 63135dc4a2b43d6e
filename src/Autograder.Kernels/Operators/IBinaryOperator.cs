namespace Autograder.Kernels.Operators;

/// <summary>An elementwise function of two values, with vectorised forms for the three contiguous layouts.</summary>
/// <typeparam name="T">The element type.</typeparam>
public interface IBinaryOperator<T>
{
    /// <summary>Applies the function to one pair.</summary>
    static abstract T Invoke(T x, T y);

    /// <summary>destination[i] = f(x[i], y[i]).</summary>
    static abstract void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination);

    /// <summary>destination[i] = f(x[i], y).</summary>
    static abstract void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination);

    /// <summary>destination[i] = f(x, y[i]).</summary>
    static abstract void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination);
}
