namespace Autograder.Reports.Plots;

/// <summary>Readable axis ticks: steps of 1, 2 or 5 times a power of ten on a linear axis; powers of ten (with 2 and 5 between when few) on a log axis.</summary>
public static class Ticks
{
    /// <summary>The axis range widened to whole ticks, and the ticks in it (about <paramref name="target"/> of them).</summary>
    public static (double Low, double High, IReadOnlyList<double> Values) Linear(double min, double max, int target = 6)
    {
        if (!(max > min))
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        var raw = (max - min) / Math.Max(1, target - 1);
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw * 0.999);
        var (low, high) = (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step);
        var count = (int)Math.Round((high - low) / step);
        return (low, high, [.. Enumerable.Range(0, count + 1).Select(i => Clean(low + (i * step), step))]);
    }

    /// <summary>The range widened to powers of ten, and the ticks in it; both bounds must be positive.</summary>
    public static (double Low, double High, IReadOnlyList<double> Values) Log(double min, double max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(min);
        var (lowExponent, highExponent) = ((int)Math.Floor(Math.Log10(min)), (int)Math.Ceiling(Math.Log10(max)));
        if (highExponent == lowExponent)
        {
            highExponent++;
        }

        var multipliers = highExponent - lowExponent <= 2 ? new[] { 1.0, 2, 5 } : [1.0];
        var values = Enumerable.Range(lowExponent, highExponent - lowExponent + 1)
            .SelectMany(e => multipliers.Select(m => m * Math.Pow(10, e)))
            .Where(v => v <= Math.Pow(10, highExponent) * 1.0001)
            .ToList();
        return (Math.Pow(10, lowExponent), Math.Pow(10, highExponent), values);
    }

    /// <summary>A tick's label: as few digits as its step needs, invariant culture.</summary>
    public static string Label(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        return magnitude is >= 1e5 or < 1e-3
            ? value.ToString("0.##e0", System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Removes floating-point dust (0.30000000000000004 → 0.3) by rounding to the step's precision.</summary>
    private static double Clean(double value, double step) => Math.Round(value, Math.Max(0, 1 - (int)Math.Floor(Math.Log10(step))) + 1);
}
