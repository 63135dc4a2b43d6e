using System.Diagnostics.CodeAnalysis;

namespace Autograder.Kernels;

/// <summary>The assembly's one place that builds exceptions: op name, rule, values.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void Argument(string op, string rule) => throw new ArgumentException($"{op}: {rule}");

    [DoesNotReturn]
    public static void NotSupported(string op, string rule) => throw new NotSupportedException($"{op}: {rule}");

    /// <summary>Throws when a span is shorter than an operation needs.</summary>
    public static void CheckLength(string op, string name, int length, long required)
    {
        if (length < required)
        {
            Argument(op, $"{name} must hold at least {required} elements; got {length}.");
        }
    }

    /// <summary>Throws unless <typeparamref name="T"/> is float or double.</summary>
    public static void CheckFloating<T>(string op)
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
        {
            NotSupported(op, $"only float and double are supported; got {typeof(T).Name}.");
        }
    }
}
