using Autograder.Reports.Plots.Fonts;
using ScottPlot;

namespace Autograder.Reports.Plots;

/// <summary>
/// A plot drawn by ScottPlot in the shipped font on a 640×400 canvas: SVG for the HTML report (inline, scaling to its
/// container), PNG at twice the pixels for the Markdown report. The same chart gives the same bytes in either form.
/// </summary>
public abstract record Chart
{
    /// <summary>The canvas's width in CSS pixels.</summary>
    public const int Width = 640;

    /// <summary>The canvas's height in CSS pixels.</summary>
    public const int Height = 400;

    /// <summary>Gets the title, above the plot.</summary>
    public string Title { get; init; } = "";

    /// <summary>Gets the x axis's label.</summary>
    public string XLabel { get; init; } = "";

    /// <summary>Gets the y axis's label.</summary>
    public string YLabel { get; init; } = "";

    /// <summary>Draws the chart as an SVG element (no XML declaration; a viewBox, width 100 %, and the title as its accessible name).</summary>
    public string ToSvg() => ChartSvg.Tidy(Build().GetSvgXml(Width, Height), Title);

    /// <summary>Draws the chart as a PNG of 1280×800 pixels (a 640×400 figure on a high-density screen).</summary>
    public byte[] ToPng()
    {
        var plot = Build();
        plot.ScaleFactor = 2;
        return plot.GetImageBytes(Width * 2, Height * 2, ImageFormat.Png);
    }

    /// <summary>The ScottPlot plot, ready to render: the tests read its axes and plottables.</summary>
    internal abstract Plot Build();

    /// <summary>A plot in the house style with this chart's title and axis labels.</summary>
    private protected Plot NewPlot()
    {
        PlotFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(PlotFont.Family);
        plot.Axes.Title.Label.Text = Title;
        plot.Axes.Title.Label.FontSize = 15;
        plot.Axes.Title.Label.Bold = false;
        plot.XLabel(XLabel, 13);
        plot.YLabel(YLabel, 13);
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
        plot.Font.Set(PlotFont.Family);
        return plot;
    }
}
