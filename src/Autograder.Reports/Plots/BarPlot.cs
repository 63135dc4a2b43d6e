using System.Globalization;
using static Autograder.Reports.Plots.PlotFrame;

namespace Autograder.Reports.Plots;

/// <summary>A bar plot of one value per category (accuracy per learning rate), with the value written over each bar; drawn as SVG.</summary>
/// <remarks>Bars start at zero, so their lengths compare honestly; non-finite values get no bar and are labelled "n/a". Deterministic bytes.</remarks>
public sealed record BarPlot
{
    /// <summary>Gets the title, above the plot.</summary>
    public string Title { get; init; } = "";

    /// <summary>Gets the x axis's label (what the categories are).</summary>
    public string XLabel { get; init; } = "";

    /// <summary>Gets the y axis's label.</summary>
    public string YLabel { get; init; } = "";

    /// <summary>Gets the categories, left to right.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Gets one value per category.</summary>
    public IReadOnlyList<double> Values { get; init; } = [];

    /// <summary>Gets how values are written over the bars (default: four significant digits).</summary>
    public Func<double, string> Format { get; init; } = v => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Draws the plot.</summary>
    /// <exception cref="ArgumentException">There are not as many values as categories.</exception>
    public string ToSvg()
    {
        if (Categories.Count != Values.Count)
        {
            throw new ArgumentException($"A bar plot needs one value per category; it has {Categories.Count} categories and {Values.Count} values.");
        }

        var finite = Values.Where(double.IsFinite).ToList();
        var (low, high, ticks) = Ticks.Linear(Math.Min(0, finite.DefaultIfEmpty(0).Min()), Math.Max(finite.DefaultIfEmpty(1).Max(), 1e-12));
        double Y(double v) => Height - Bottom - ((Height - Top - Bottom) * (v - low) / (high - low));
        var slot = (Width - Left - Right) / Math.Max(1, Categories.Count);

        var svg = PlotFrame.Open(Title);
        PlotFrame.YTicks(svg, ticks, Y);

        for (var i = 0; i < Categories.Count; i++)
        {
            var (center, value) = (Left + (slot * (i + 0.5)), Values[i]);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"xtick\" x=\"{N(center)}\" y=\"{N(Height - Bottom + 16)}\" text-anchor=\"middle\">{Escape(Categories[i])}</text>");
            if (double.IsFinite(value))
            {
                var (top, bottom) = (Y(Math.Max(value, 0)), Y(Math.Min(value, 0)));
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-value=\"{value.ToString("R", CultureInfo.InvariantCulture)}\" x=\"{N(center - (slot * 0.3))}\" y=\"{N(top)}\" width=\"{N(slot * 0.6)}\" height=\"{N(bottom - top)}\" fill=\"{Palette.Color(0)}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{N(center)}\" y=\"{N(top - 5)}\" text-anchor=\"middle\">{Escape(Format(value))}</text>\n");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{N(center)}\" y=\"{N(Y(0) - 5)}\" text-anchor=\"middle\">n/a</text>\n");
            }
        }

        PlotFrame.Border(svg, XLabel, YLabel);
        return svg.Append("</svg>\n").ToString();
    }

}
