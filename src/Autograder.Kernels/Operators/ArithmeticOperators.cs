using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Autograder.Kernels.Operators;

/// <summary>x + y.</summary>
public readonly struct AddOperator<T> : IBinaryOperator<T>
    where T : INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => x + y;

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TP.Add(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TP.Add(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TP.Add(y, x, destination);
}

/// <summary>x − y.</summary>
public readonly struct SubtractOperator<T> : IBinaryOperator<T>
    where T : INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => x - y;

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TP.Subtract(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TP.Subtract(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TP.Subtract(x, y, destination);
}

/// <summary>x · y.</summary>
public readonly struct MultiplyOperator<T> : IBinaryOperator<T>
    where T : INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => x * y;

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TP.Multiply(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TP.Multiply(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TP.Multiply(y, x, destination);
}

/// <summary>x / y (truncating for integers).</summary>
public readonly struct DivideOperator<T> : IBinaryOperator<T>
    where T : INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => x / y;

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TP.Divide(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TP.Divide(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TP.Divide(x, y, destination);
}

/// <summary>The larger of x and y; NaN if either is NaN.</summary>
public readonly struct MaximumOperator<T> : IBinaryOperator<T>
    where T : INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => T.Max(x, y);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TP.Max(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TP.Max(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TP.Max(y, x, destination);
}

/// <summary>The smaller of x and y; NaN if either is NaN.</summary>
public readonly struct MinimumOperator<T> : IBinaryOperator<T>
    where T : INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => T.Min(x, y);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TP.Min(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TP.Min(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TP.Min(y, x, destination);
}

/// <summary>x raised to the power y.</summary>
public readonly struct PowOperator<T> : IBinaryOperator<T>
    where T : IPowerFunctions<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => T.Pow(x, y);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TP.Pow(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TP.Pow(x, y, destination);

    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TP.Pow(x, y, destination);
}
