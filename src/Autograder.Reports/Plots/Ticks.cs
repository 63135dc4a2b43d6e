namespace Autograder.Reports.Plots;

/// <summary>Readable axis ticks: steps of 1, 2 or 5 times a power of ten on a linear axis; powers of ten (with 2 and 5 between when few) on a log axis.</summary>
public static class Ticks
{
    /// <summary>The axis range widened to whole ticks, and the ticks in it (about <paramref name="target"/> of them, fewer when <paramref name="minimumStep"/> forces a coarser step).</summary>
    public static (double Low, double High, IReadOnlyList<double> Values) Linear(double min, double max, int target = 6, double minimumStep = 0)
    {
        if (!(max > min))
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        var raw = Math.Max((max - min) / Math.Max(1, target - 1), minimumStep);
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw * 0.999);
        var (low, high) = (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step);
        var count = (int)Math.Round((high - low) / step);
        return (low, high, [.. Enumerable.Range(0, count + 1).Select(i => Clean(low + (i * step), step))]);
    }

    /// <summary>
    /// The range widened to powers of ten and the ticks in it; over at most two decades the range is widened only to the
    /// nearest 1, 2 or 5 times a power of ten (a sweep over 32…128 gets 20…200, not 10…1000). Both bounds must be positive.
    /// </summary>
    public static (double Low, double High, IReadOnlyList<double> Values) Log(double min, double max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(min);
        var (lowExponent, highExponent) = ((int)Math.Floor(Math.Log10(min)), (int)Math.Ceiling(Math.Log10(max)));
        if (highExponent == lowExponent)
        {
            highExponent++;
        }

        if (highExponent - lowExponent > 2)
        {
            var decades = Enumerable.Range(lowExponent, highExponent - lowExponent + 1).Select(e => Math.Pow(10, e)).ToList();
            return (decades[0], decades[^1], decades);
        }

        var grid = Enumerable.Range(lowExponent, highExponent - lowExponent + 1)
            .SelectMany(e => new[] { 1.0, 2, 5 }.Select(m => m * Math.Pow(10, e)))
            .ToList();
        var low = grid.Last(v => v <= min * 1.0001);
        var high = grid.FirstOrDefault(v => v >= max / 1.0001, Math.Pow(10, highExponent));
        return (low, high, [.. grid.Where(v => v >= low && v <= high)]);
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
