using System.Globalization;
using System.Security;
using System.Text;

namespace Autograder.Reports.Plots;

/// <summary>What every plot draws the same way: the 640×400 canvas, the title, horizontal grid lines with y ticks, the plot area's border and the axis labels.</summary>
internal static class PlotFrame
{
    public const double Width = 640, Height = 400, Left = 68, Right = 16, Top = 40, Bottom = 52;

    /// <summary>Opens the SVG with a white background and the title.</summary>
    public static StringBuilder Open(string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Escape(title)}</text>\n");
        return svg;
    }

    /// <summary>A horizontal grid line and its label at each y tick.</summary>
    public static void YTicks(StringBuilder svg, IEnumerable<double> ticks, Func<double, double> y)
    {
        foreach (var tick in ticks)
        {
            var position = N(y(tick));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(Left)}\" y1=\"{position}\" x2=\"{N(Width - Right)}\" y2=\"{position}\" stroke=\"#e5e5e5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"ytick\" x=\"{N(Left - 6)}\" y=\"{position}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Ticks.Label(tick)}</text>\n");
        }
    }

    /// <summary>The plot area's border and the two axis labels.</summary>
    public static void Border(StringBuilder svg, string xLabel, string yLabel)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Left)}\" y=\"{N(Top)}\" width=\"{N(Width - Left - Right)}\" height=\"{N(Height - Top - Bottom)}\" fill=\"none\" stroke=\"#333\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left + ((Width - Left - Right) / 2))}\" y=\"{N(Height - 12)}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {N(Top + ((Height - Top - Bottom) / 2))}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>\n");
    }

    /// <summary>A coordinate with at most two decimals, invariant culture.</summary>
    public static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>XML-escapes text.</summary>
    public static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
