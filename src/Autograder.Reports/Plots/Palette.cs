namespace Autograder.Reports.Plots;

/// <summary>The Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and in grey print.</summary>
internal static class Palette
{
    private static readonly string[] Colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    /// <summary>The colour of series <paramref name="index"/> (cycling after eight).</summary>
    public static string Color(int index) => Colors[index % Colors.Length];

    /// <summary>A dash pattern per cycle of eight colours, so a ninth series still differs from the first.</summary>
    public static string? Dash(int index) => (index / Colors.Length) switch { 0 => null, 1 => "6 3", _ => "2 3" };
}
