using System.Globalization;
using System.Text;
using static Autograder.Reports.Plots.PlotFrame;

namespace Autograder.Reports.Plots;

/// <summary>A line plot with several series, readable ticks, optional log axes, a legend, a title and axis labels, drawn as SVG.</summary>
/// <remarks>
/// The SVG scales to its container (viewBox, width 100 %) and is deterministic: the same data gives the same bytes.
/// Points are marked when a series has at most <see cref="MarkerLimit"/> of them (a sweep, per-epoch accuracies).
/// Non-finite values (and non-positive ones on a log axis) are skipped and break the line.
/// </remarks>
public sealed record LinePlot
{
    /// <summary>Series with at most this many points get a marker on each.</summary>
    public const int MarkerLimit = 40;

    /// <summary>Gets the title, above the plot.</summary>
    public string Title { get; init; } = "";

    /// <summary>Gets the x axis's label.</summary>
    public string XLabel { get; init; } = "";

    /// <summary>Gets the y axis's label.</summary>
    public string YLabel { get; init; } = "";

    /// <summary>Gets whether the x axis is logarithmic (a learning-rate sweep, say).</summary>
    public bool LogX { get; init; }

    /// <summary>Gets whether the y axis is logarithmic (a loss falling over orders of magnitude).</summary>
    public bool LogY { get; init; }

    /// <summary>Gets the series, drawn in order with the palette's colours.</summary>
    public IReadOnlyList<PlotSeries> Series { get; init; } = [];

    /// <summary>Draws the plot.</summary>
    public string ToSvg()
    {
        var segments = Series.Select(Segments).ToList();
        var all = segments.SelectMany(s => s).SelectMany(s => s).ToList();
        var (xLow, xHigh, xTicks) = Axis(all.Select(p => p.X), LogX);
        var (yLow, yHigh, yTicks) = Axis(all.Select(p => p.Y), LogY);
        double X(double v) => Left + ((Width - Left - Right) * Fraction(v, xLow, xHigh, LogX));
        double Y(double v) => Height - Bottom - ((Height - Top - Bottom) * Fraction(v, yLow, yHigh, LogY));

        var svg = PlotFrame.Open(Title);
        foreach (var tick in xTicks)
        {
            var x = N(X(tick));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{x}\" y1=\"{N(Top)}\" x2=\"{x}\" y2=\"{N(Height - Bottom)}\" stroke=\"#e5e5e5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"xtick\" x=\"{x}\" y=\"{N(Height - Bottom + 16)}\" text-anchor=\"middle\">{Ticks.Label(tick)}</text>\n");
        }

        PlotFrame.YTicks(svg, yTicks, Y);

        PlotFrame.Border(svg, XLabel, YLabel);
        for (var i = 0; i < Series.Count; i++)
        {
            AppendSeries(svg, i, segments[i], X, Y);
        }

        AppendLegend(svg, [.. segments.SelectMany(runs => runs).SelectMany(run => Along(run, X, Y))]);
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>The drawable runs of a series: a skipped value ends one run and the next drawable value starts another.</summary>
    private List<List<(double X, double Y)>> Segments(PlotSeries series)
    {
        var runs = new List<List<(double X, double Y)>> { new() };
        foreach (var (px, py) in series.X.Zip(series.Y))
        {
            if (Usable(px, LogX) && Usable(py, LogY))
            {
                runs[^1].Add((px, py));
            }
            else if (runs[^1].Count > 0)
            {
                runs.Add([]);
            }
        }

        return [.. runs.Where(r => r.Count > 0)];
    }

    private void AppendSeries(StringBuilder svg, int index, List<List<(double X, double Y)>> runs, Func<double, double> x, Func<double, double> y)
    {
        var (color, dash) = (Palette.Color(index), Palette.Dash(index));
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series\" data-name=\"{Escape(Series[index].Name)}\" stroke=\"{color}\" fill=\"{color}\">");
        var points = runs.SelectMany(r => r).ToList();
        var path = string.Join(" ", runs.SelectMany(r => r.Select((p, k) => $"{(k == 0 ? "M" : "L")}{N(x(p.X))},{N(y(p.Y))}")));
        if (path.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke-width=\"2\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");
        }

        if (Series[index].X.Count <= MarkerLimit)
        {
            foreach (var (px, py) in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x(px))}\" cy=\"{N(y(py))}\" r=\"3\"/>");
            }
        }

        svg.Append("</g>\n");
    }

    /// <summary>Points along a drawn run, in pixels, eight per segment: the lines a legend must not hide, not only their ends.</summary>
    private static IEnumerable<(double X, double Y)> Along(List<(double X, double Y)> run, Func<double, double> x, Func<double, double> y)
    {
        for (var i = 0; i < run.Count; i++)
        {
            var (x1, y1) = (x(run[i].X), y(run[i].Y));
            yield return (x1, y1);
            if (i + 1 < run.Count)
            {
                var (x2, y2) = (x(run[i + 1].X), y(run[i + 1].Y));
                for (var k = 1; k < 8; k++)
                {
                    yield return (x1 + ((x2 - x1) * k / 8), y1 + ((y2 - y1) * k / 8));
                }
            }
        }
    }

    /// <summary>The legend, in whichever inside corner of the plot area covers the fewest points (top right when tied).</summary>
    private void AppendLegend(StringBuilder svg, List<(double X, double Y)> points)
    {
        if (Series.Count < 2)
        {
            return;
        }

        var (width, height) = (28 + (7 * Series.Max(s => s.Name.Length)), (18 * Series.Count) + 6);
        var corners = new[]
        {
            (Width - Right - width - 8, Top + 8),
            (Width - Right - width - 8, Height - Bottom - height - 8),
            (Left + 8, Top + 8),
            (Left + 8, Height - Bottom - height - 8),
        };
        var (left, top) = corners.MinBy(c => points.Count(p => p.X >= c.Item1 - 8 && p.X <= c.Item1 + width + 8 && p.Y >= c.Item2 - 8 && p.Y <= c.Item2 + height + 8));
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend\"><rect x=\"{N(left)}\" y=\"{N(top)}\" width=\"{width}\" height=\"{height}\" fill=\"#fff\" fill-opacity=\"0.85\" stroke=\"#ccc\"/>");
        for (var i = 0; i < Series.Count; i++)
        {
            var y = top + 14 + (18 * i);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(left + 6)}\" y1=\"{N(y - 4)}\" x2=\"{N(left + 22)}\" y2=\"{N(y - 4)}\" stroke=\"{Palette.Color(i)}\" stroke-width=\"2\"{(Palette.Dash(i) is { } dash ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left + 26)}\" y=\"{N(y)}\">{Escape(Series[i].Name)}</text>");
        }

        svg.Append("</g>\n");
    }

    /// <summary>The axis range and ticks; whole-number data (epochs, sizes) gets whole-number ticks.</summary>
    private static (double Low, double High, IReadOnlyList<double> Ticks) Axis(IEnumerable<double> values, bool log)
    {
        var list = values.ToList();
        var (min, max) = list.Count == 0 ? (log ? 1 : 0, log ? 10 : 1) : (list.Min(), list.Max());
        if (log)
        {
            return Ticks.Log(min, max);
        }

        var axis = Ticks.Linear(min, max);
        if (list.Count > 0 && list.All(v => v == Math.Round(v)) && axis.Values.Any(v => v != Math.Round(v)))
        {
            axis = Ticks.Linear(min, max, minimumStep: 1);
        }

        return axis;
    }

    private static double Fraction(double v, double low, double high, bool log) =>
        log ? (Math.Log10(v) - Math.Log10(low)) / (Math.Log10(high) - Math.Log10(low)) : (v - low) / (high - low);

    private static bool Usable(double v, bool log) => double.IsFinite(v) && (!log || v > 0);

}
