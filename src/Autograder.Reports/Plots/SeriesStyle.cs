using ScottPlot;

namespace Autograder.Reports.Plots;

/// <summary>
/// How series are told apart: the Okabe–Ito colours (ScottPlot's colour-blind-friendly palette; distinguishable with the
/// common colour-vision deficiencies and in grey print), blue and vermilion first and yellow last, then dashes after eight.
/// </summary>
internal static class SeriesStyle
{
    private static readonly Color[] Colors = Order(new ScottPlot.Palettes.ColorblindFriendly().Colors, [5, 6, 3, 7, 1, 2, 0, 4]);

    /// <summary>The colour of series <paramref name="index"/> (cycling after eight).</summary>
    public static Color Color(int index) => Colors[index % Colors.Length];

    /// <summary>The line pattern of series <paramref name="index"/>: solid, then dashed, then dotted for each further cycle of colours.</summary>
    public static LinePattern Pattern(int index) => (index / Colors.Length) switch { 0 => LinePattern.Solid, 1 => LinePattern.Dashed, _ => LinePattern.Dotted };

    private static Color[] Order(Color[] palette, int[] order) => [.. order.Select(i => palette[i])];
}
