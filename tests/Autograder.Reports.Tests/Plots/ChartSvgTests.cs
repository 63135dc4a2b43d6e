using System.Text.RegularExpressions;
using System.Xml.Linq;
using Autograder.Reports.Plots;

namespace Autograder.Reports.Tests.Plots;

/// <summary>The SVG as it goes inline into a page: an element that scales, named for screen readers, with ids no other plot on the page shares.</summary>
public sealed partial class ChartSvgTests
{
    private static LinePlot Plot(double last) => new() { Title = "Loss & accuracy", Series = [PlotSeries.OverSteps("loss", [1, 0.5, last])] };

    [Test]
    public void It_is_an_element_that_scales_with_an_accessible_name()
    {
        var svg = Plot(0.25).ToSvg();
        Assert.That(svg, Does.StartWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), "no XML declaration inside HTML");
        var root = XDocument.Parse(svg).Root!;
        Assert.That((string?)root.Attribute("viewBox"), Is.EqualTo($"0 0 {Chart.Width} {Chart.Height}"));
        Assert.That((string?)root.Attribute("width"), Is.EqualTo("100%"));
        Assert.That((string?)root.Attribute("aria-label"), Is.EqualTo("Loss & accuracy"));
    }

    [Test]
    public void Ids_are_the_same_for_the_same_chart_and_differ_between_charts()
    {
        var (first, again, other) = (Ids(Plot(0.25).ToSvg()), Ids(Plot(0.25).ToSvg()), Ids(Plot(0.125).ToSvg()));
        Assert.That(first, Is.Not.Empty);
        Assert.That(again, Is.EqualTo(first));
        Assert.That(other.Intersect(first), Is.Empty, "two plots on one page must not clip each other");
    }

    [Test]
    public void Every_reference_points_at_an_id_in_the_same_svg()
    {
        var svg = new Heatmap { Rows = ["a"], Columns = ["b", "c"], Values = [[0.1, 0.9]] }.ToSvg();
        var references = Reference().Matches(svg).Select(m => m.Groups[1].Value).ToList();
        Assert.That(references, Is.Not.Empty);
        Assert.That(references, Is.SubsetOf(Ids(svg)));
    }

    private static List<string> Ids(string svg) => [.. XDocument.Parse(svg).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>()];

    [GeneratedRegex(@"(?:url\(#|href=""#)([^"")]+)")]
    private static partial Regex Reference();
}
