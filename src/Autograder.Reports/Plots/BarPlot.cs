using System.Globalization;
using System.Security;
using System.Text;

namespace Autograder.Reports.Plots;

/// <summary>A bar plot of one value per category (accuracy per learning rate), with the value written over each bar; drawn as SVG.</summary>
/// <remarks>Bars start at zero, so their lengths compare honestly; non-finite values get no bar and are labelled "n/a". Deterministic bytes.</remarks>
public sealed record BarPlot
{
    private const double Width = 640, Height = 400, Left = 68, Right = 16, Top = 40, Bottom = 52;

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

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-label=\"{Escape(Title)}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Escape(Title)}</text>\n");
        foreach (var tick in ticks)
        {
            var y = N(Y(tick));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(Left)}\" y1=\"{y}\" x2=\"{N(Width - Right)}\" y2=\"{y}\" stroke=\"#e5e5e5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"ytick\" x=\"{N(Left - 6)}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Ticks.Label(tick)}</text>\n");
        }

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

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Left)}\" y=\"{N(Top)}\" width=\"{N(Width - Left - Right)}\" height=\"{N(Height - Top - Bottom)}\" fill=\"none\" stroke=\"#333\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left + ((Width - Left - Right) / 2))}\" y=\"{N(Height - 12)}\" text-anchor=\"middle\">{Escape(XLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {N(Top + ((Height - Top - Bottom) / 2))}) rotate(-90)\" text-anchor=\"middle\">{Escape(YLabel)}</text>\n");
        return svg.Append("</svg>\n").ToString();
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
