using System.Globalization;

namespace Autograder.Reports.Placeholders;

/// <summary>How numbers are written in a report: <c>percent</c> (97.55 %), <c>int</c> (55,000), <c>fN</c> (N decimals), <c>eN</c> (scientific), or automatic.</summary>
public static class ValueFormat
{
    /// <summary>The formats a placeholder may name.</summary>
    public static bool IsFormat(string name) =>
        name is "percent" or "int" or "auto" || (name.Length is 2 or 3 && name[0] is 'f' or 'e' && name[1..].All(char.IsAsciiDigit));

    /// <summary>Writes <paramref name="value"/> in <paramref name="format"/>; "auto" picks from the quantity's name.</summary>
    /// <param name="value">The number.</param>
    /// <param name="format">A format from <see cref="IsFormat"/>.</param>
    /// <param name="name">The quantity's name: an accuracy is written as a percentage.</param>
    public static string Write(double value, string format, string name = "")
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        var invariant = CultureInfo.InvariantCulture;
        return format switch
        {
            "percent" => (100 * value).ToString("0.00", invariant) + " %",
            "int" => Math.Round(value).ToString("N0", invariant),
            ['f', .. var digits] => value.ToString("F" + digits, invariant),
            ['e', .. var digits] => value.ToString("0." + new string('0', int.Parse(digits, invariant)) + "e+0", invariant),
            _ => Auto(value, name),
        };
    }

    private static string Auto(double value, string name)
    {
        if (name.Contains("accuracy", StringComparison.OrdinalIgnoreCase) && value is >= 0 and <= 1)
        {
            return Write(value, "percent");
        }

        return value == Math.Round(value) && Math.Abs(value) < 1e15
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("G4", CultureInfo.InvariantCulture);
    }

    /// <summary>A snake_case name as words: <c>hidden_size</c> → "Hidden size".</summary>
    public static string Humanize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Replace('_', ' ').Trim();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
