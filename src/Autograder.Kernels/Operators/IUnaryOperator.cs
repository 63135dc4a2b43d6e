namespace Autograder.Kernels.Operators;

/// <summary>An elementwise function: a scalar form (the reference) and a span form (the SIMD path).</summary>
/// <typeparam name="T">The element type.</typeparam>
public interface IUnaryOperator<T>
{
    /// <summary>Applies the function to one value.</summary>
    static abstract T Invoke(T x);

    /// <summary>Applies the function to every value of <paramref name="x"/> (vectorised).</summary>
    static abstract void Invoke(ReadOnlySpan<T> x, Span<T> destination);
}
