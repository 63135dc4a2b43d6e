using Autograder.Tensors;

namespace Autograder.Grading.Judging;

/// <summary>Names the likely bug when a wrong gradient (or output) matches a known pattern of the expected one.</summary>
/// <remarks>
/// Patterns tried, in order: the transpose of the expected matrix; a constant multiple (−1: a flipped sign; N or 1/N: a
/// missing or extra batch average; 2 or 0.5: a dropped or extra factor 2); the expected value computed with an upstream
/// gradient of ones (the upstream gradient ignored); a sum over the wrong axis (the expected reduced differently).
/// </remarks>
public static class GradientDiagnosis
{
    /// <summary>Returns a one-sentence hint, or null when no pattern fits.</summary>
    /// <param name="name">The value's name, e.g. "dW".</param>
    /// <param name="actual">The student's value.</param>
    /// <param name="expected">The reference's value.</param>
    /// <param name="batchSize">N, when the value is averaged over a batch (to recognise a missing 1/N).</param>
    /// <param name="ignoringUpstream">The reference's value computed with an upstream gradient of ones, if the check has it.</param>
    public static string? Explain(string name, Tensor actual, Tensor expected, int? batchSize = null, Tensor? ignoringUpstream = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (expected.Dim == 2 && actual.Shape.SequenceEqual(expected.T.Shape) && Close(actual, expected.T))
        {
            return $"{name} equals the transpose of the expected value: check the order of the factors (e.g. Xᵀ·dY, not dY·Xᵀ or dYᵀ·X).";
        }

        if (!actual.Shape.SequenceEqual(expected.Shape))
        {
            return expected.Dim == 2 && actual.Shape.SequenceEqual(expected.T.Shape)
                ? $"{name} has the transposed shape of the expected value: check the order of the factors."
                : null;
        }

        if (ignoringUpstream is not null && ignoringUpstream.Shape.SequenceEqual(actual.Shape) && Close(actual, ignoringUpstream))
        {
            return $"{name} is what you get with an upstream gradient of ones: the upstream gradient (dout) is not used.";
        }

        if (Ratio(actual, expected) is { } ratio)
        {
            if (Math.Abs(ratio) < 1e-12)
            {
                return $"{name} is zero everywhere: no gradient reaches it (is it never computed, or is the part of the computation it comes from detached?).";
            }

            if (Near(ratio, -1))
            {
                return $"{name} has the right magnitude but the opposite sign: check the sign of the derivative.";
            }

            if (batchSize is { } n && n > 1 && Near(ratio, n))
            {
                return $"{name} is {n} times too large: the average over the batch (the 1/N) is missing.";
            }

            if (batchSize is { } m && m > 1 && Near(ratio, 1.0 / m))
            {
                return $"{name} is {m} times too small: it is divided by N once too often.";
            }

            if (Near(ratio, 2) || Near(ratio, 0.5))
            {
                return $"{name} is off by a factor of {ratio:0.##}: check for a dropped or extra factor 2 (e.g. in the derivative of a square).";
            }

            // One number is always some multiple of another: only a factor shared by many values says something.
            return actual.NumEl > 1 ? $"{name} is the expected value times {ratio:G4}: the shape of the computation is right, a constant factor is wrong." : null;
        }

        return null;
    }

    /// <summary>The common factor actual / expected, if there is one (to 1e-6), else null.</summary>
    private static double? Ratio(Tensor actual, Tensor expected)
    {
        var a = actual.To(DType.Float64).ToArray<double>();
        var e = expected.To(DType.Float64).ToArray<double>();
        double? ratio = null;
        for (var i = 0; i < a.Length; i++)
        {
            if (Math.Abs(e[i]) < 1e-12)
            {
                if (Math.Abs(a[i]) > 1e-9)
                {
                    return null;
                }

                continue;
            }

            var r = a[i] / e[i];
            if (ratio is null)
            {
                ratio = r;
            }
            else if (!Near(r, ratio.Value))
            {
                return null;
            }
        }

        return ratio is { } value && !Near(value, 1) && double.IsFinite(value) ? value : null;
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(b));

    private static bool Close(Tensor a, Tensor b) => a.To(DType.Float64).AllClose(b.To(DType.Float64), 1e-7, 1e-10);
}
