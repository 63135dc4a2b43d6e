using System.Globalization;
using Autograder.Tensors;

namespace Autograder.Grading.Judging;

/// <summary>Comparisons that judges use: shape first, then the largest relative error with the worst element named.</summary>
public static class Compare
{
    /// <summary>
    /// Like <see cref="Tensors"/> for a value such as a loss, followed by the likely bug when the difference is a constant
    /// factor (a loss <paramref name="batchSize"/> times too large: the batch average missing) or a transpose.
    /// </summary>
    public static string? Value(string name, Tensor actual, Tensor expected, int? batchSize = null, double tolerance = 1e-7) =>
        Gradient(name, actual, expected, batchSize, null, tolerance);

    /// <summary>Like <see cref="Tensors"/>, followed by the likely bug when the difference fits a known pattern.</summary>
    public static string? Gradient(string name, Tensor actual, Tensor expected, int? batchSize = null, Tensor? ignoringUpstream = null, double tolerance = 1e-7)
    {
        var problem = Tensors(name, actual, expected, tolerance);
        if (problem is null)
        {
            return null;
        }

        return GradientDiagnosis.Explain(name, actual, expected, batchSize, ignoringUpstream) is { } hint ? $"{problem} Likely bug: {hint}" : problem;
    }

    /// <summary>Returns null when <paramref name="actual"/> matches <paramref name="expected"/> within <paramref name="tolerance"/>, else what differs.</summary>
    /// <param name="name">What the value is, for the message (e.g. "dW").</param>
    /// <param name="actual">The student's value.</param>
    /// <param name="expected">The reference's value.</param>
    /// <param name="tolerance">The largest relative error |a − e| / max(1e-8, |a| + |e|) allowed.</param>
    public static string? Tensors(string name, Tensor actual, Tensor expected, double tolerance = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (!actual.Shape.SequenceEqual(expected.Shape))
        {
            return $"{name} has shape {Dims(actual)}; expected {Dims(expected)}.";
        }

        var a = actual.To(DType.Float64).ToArray<double>();
        var e = expected.To(DType.Float64).ToArray<double>();
        var worst = -1;
        var worstError = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var error = double.IsNaN(a[i]) != double.IsNaN(e[i]) || double.IsInfinity(a[i]) != double.IsInfinity(e[i]) || (double.IsInfinity(a[i]) && a[i] != e[i])
                ? double.PositiveInfinity
                : Math.Abs(a[i] - e[i]) / Math.Max(1e-8, Math.Abs(a[i]) + Math.Abs(e[i]));
            if (error > worstError || (double.IsNaN(a[i]) && !double.IsNaN(e[i])))
            {
                (worst, worstError) = (i, double.IsNaN(error) ? double.PositiveInfinity : error);
            }
        }

        if (worst < 0 || worstError <= tolerance)
        {
            return null;
        }

        var nans = a.Count(double.IsNaN);
        var index = string.Join(", ", Unravel(worst, actual.Shape.ToArray()));
        var text = string.Create(CultureInfo.InvariantCulture, $"{name}[{index}] is {a[worst]:G6}; expected {e[worst]:G6} (relative error {worstError:0.0e+00}, tolerance {tolerance:0.0e+00}).");
        return nans > 0 ? $"{text} {nans} of {a.Length} values are NaN." : text;
    }

    private static string Dims(Tensor t) => t.Dim == 1 ? $"({t.Shape[0]},)" : $"({string.Join(", ", t.Shape.ToArray())})";

    private static int[] Unravel(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % Math.Max(shape[d], 1);
            flat /= Math.Max(shape[d], 1);
        }

        return index;
    }
}
