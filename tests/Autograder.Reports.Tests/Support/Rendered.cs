using System.Xml.Linq;
using Autograder.Reports.Plots;
using ScottPlot;

namespace Autograder.Reports.Tests.Support;

/// <summary>A chart's ScottPlot plot after rendering (its ticks and layout exist only then) and its SVG as XML.</summary>
internal sealed class Rendered
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public Rendered(Chart chart)
    {
        Plot = chart.Build();
        Png = Plot.GetImageBytes(Chart.Width, Chart.Height, ImageFormat.Png);
        Document = XDocument.Parse(chart.ToSvg());
    }

    public Plot Plot { get; }

    /// <summary>The plot at 640×400 pixels; <see cref="Plot"/>'s <c>GetPixel</c> maps coordinates into it.</summary>
    public byte[] Png { get; }

    public XDocument Document { get; }

    /// <summary>The texts drawn, in document order.</summary>
    public List<string> Texts => [.. Document.Descendants(Svg + "text").Select(t => t.Value.Trim())];

    public static List<string> Labels(IAxis axis) => [.. axis.TickGenerator.Ticks.Where(t => t.IsMajor).OrderBy(t => t.Position).Select(t => t.Label)];

    /// <summary>A line's x values.</summary>
    public static double[] Xs(ScottPlot.Plottables.Scatter line) => [.. line.Data.GetScatterPoints().Select(p => p.X)];

    public List<ScottPlot.Plottables.Scatter> Lines => [.. Plot.GetPlottables<ScottPlot.Plottables.Scatter>()];
}
