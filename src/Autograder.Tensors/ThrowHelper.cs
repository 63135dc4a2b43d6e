using System.Diagnostics.CodeAnalysis;

namespace Autograder.Tensors;

/// <summary>The assembly's one place that builds exceptions. Messages name the op, state the rule and show the values.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void Shape(string op, string rule) => throw new ArgumentException($"{op}: {rule}");

    [DoesNotReturn]
    public static T Shape<T>(string op, string rule) => throw new ArgumentException($"{op}: {rule}");

    [DoesNotReturn]
    public static void DTypeError(string op, string rule) => throw new ArgumentException($"{op}: {rule}");

    [DoesNotReturn]
    public static T DTypeError<T>(string op, string rule) => throw new ArgumentException($"{op}: {rule}");

    [DoesNotReturn]
    public static void Invalid(string op, string rule) => throw new InvalidOperationException($"{op}: {rule}");

    [DoesNotReturn]
    public static void Format(string op, string rule) => throw new InvalidDataException($"{op}: {rule}");

    /// <summary>Formats a shape the way PyTorch prints it: (2, 3).</summary>
    public static string Dims(ReadOnlySpan<int> shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape.ToArray())})";

    /// <summary>Normalises a possibly negative dimension index, or throws naming the op and the valid range.</summary>
    public static int Dim(string op, int dim, int rank)
    {
        var r = Math.Max(rank, 1);
        if (dim < -r || dim >= r)
        {
            Shape(op, $"dimension out of range (expected to be in [{-r}, {r - 1}], but got {dim}).");
        }

        return dim < 0 ? dim + r : dim;
    }
}
