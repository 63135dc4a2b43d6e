using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Autograder.Kernels.Operators;

/// <summary>−x.</summary>
public readonly struct NegateOperator<T> : IUnaryOperator<T>
    where T : INumberBase<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => -x;

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Negate(x, destination);
}

/// <summary>|x|.</summary>
public readonly struct AbsOperator<T> : IUnaryOperator<T>
    where T : INumberBase<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => T.Abs(x);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Abs(x, destination);
}

/// <summary>eˣ.</summary>
public readonly struct ExpOperator<T> : IUnaryOperator<T>
    where T : IExponentialFunctions<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => T.Exp(x);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Exp(x, destination);
}

/// <summary>the natural logarithm of x.</summary>
public readonly struct LogOperator<T> : IUnaryOperator<T>
    where T : ILogarithmicFunctions<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => T.Log(x);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Log(x, destination);
}

/// <summary>√x.</summary>
public readonly struct SqrtOperator<T> : IUnaryOperator<T>
    where T : IRootFunctions<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => T.Sqrt(x);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Sqrt(x, destination);
}

/// <summary>tanh x.</summary>
public readonly struct TanhOperator<T> : IUnaryOperator<T>
    where T : IHyperbolicFunctions<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => T.Tanh(x);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Tanh(x, destination);
}

/// <summary>1 / (1 + e⁻ˣ).</summary>
public readonly struct SigmoidOperator<T> : IUnaryOperator<T>
    where T : IExponentialFunctions<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => T.One / (T.One + T.Exp(-x));

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Sigmoid(x, destination);
}

/// <summary>max(x, 0), NaN kept.</summary>
public readonly struct ReluOperator<T> : IUnaryOperator<T>
    where T : INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => T.IsNaN(x) ? x : T.Max(x, T.Zero);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Max(x, T.Zero, destination);
}

/// <summary>sin x.</summary>
public readonly struct SinOperator<T> : IUnaryOperator<T>
    where T : ITrigonometricFunctions<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => T.Sin(x);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Sin(x, destination);
}

/// <summary>cos x.</summary>
public readonly struct CosOperator<T> : IUnaryOperator<T>
    where T : ITrigonometricFunctions<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => T.Cos(x);

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Cos(x, destination);
}

/// <summary>1 / x.</summary>
public readonly struct ReciprocalOperator<T> : IUnaryOperator<T>
    where T : INumberBase<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => T.One / x;

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Divide(T.One, x, destination);
}

/// <summary>x².</summary>
public readonly struct SquareOperator<T> : IUnaryOperator<T>
    where T : INumberBase<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x) => x * x;

    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, Span<T> destination) => TP.Multiply(x, x, destination);
}
