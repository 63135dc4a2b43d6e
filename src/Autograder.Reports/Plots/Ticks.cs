namespace Autograder.Reports.Plots;

/// <summary>Log-axis ticks (powers of ten, with 2 and 5 between over a short range) and tick labels with as few digits as needed.</summary>
/// <remarks>ScottPlot draws a log axis as a linear axis over log10 of the data and leaves the ticks to the caller; linear axes use its own.</remarks>
public static class Ticks
{
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
}
