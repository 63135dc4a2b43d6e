using System.Xml.Linq;
using Autograder.Reports.Plots;

namespace Autograder.Reports.Tests.Plots;

/// <summary>The SVG is parsed as XML and read back: series, ticks, labels, legend, gaps, determinism.</summary>
public sealed class LinePlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static LinePlot Curves() => new()
    {
        Title = "Validation accuracy <per epoch>",
        XLabel = "epoch",
        YLabel = "accuracy",
        Series = [PlotSeries.OverSteps("lr 0.1", [0.7, 0.8, 0.85]), PlotSeries.OverSteps("lr 0.01", [0.3, 0.5, 0.6])],
    };

    [Test]
    public void Svg_is_xml_with_one_group_per_series_and_readable_ticks()
    {
        var document = XDocument.Parse(Curves().ToSvg());
        var series = document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "series").ToList();
        Assert.That(series.Select(g => (string?)g.Attribute("data-name")), Is.EqualTo(new[] { "lr 0.1", "lr 0.01" }));
        Assert.That(series.Select(g => g.Elements(Svg + "circle").Count()), Is.All.EqualTo(3), "one marker per point");
        Assert.That(Texts(document, "xtick"), Is.EqualTo(new[] { "1", "2", "3" }), "whole-number steps get whole-number ticks");
        Assert.That(Texts(document, "ytick"), Is.EqualTo(new[] { "0.2", "0.4", "0.6", "0.8", "1" }));
        Assert.That(document.Descendants(Svg + "text").Select(t => t.Value), Does.Contain("Validation accuracy <per epoch>").And.Contain("epoch").And.Contain("accuracy"));
        Assert.That(document.Descendants(Svg + "g").Any(g => (string?)g.Attribute("class") == "legend"), Is.True);
    }

    [Test]
    public void The_legend_goes_to_the_corner_with_the_fewest_points()
    {
        // Both curves rise to the top right, where the legend would sit by default.
        var plot = new LinePlot { Series = [PlotSeries.OverSteps("a", [0.1, 0.5, 0.9, 0.99]), PlotSeries.OverSteps("b", [0.0, 0.4, 0.85, 1.0])] };
        var legend = XDocument.Parse(plot.ToSvg()).Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Element(Svg + "rect")!;
        var (x, y) = ((double)legend.Attribute("x")!, (double)legend.Attribute("y")!);
        Assert.That((x < 320, y > 200), Is.Not.EqualTo((false, false)), "not the top-right corner");
        Assert.That((x < 320, y > 200), Is.EqualTo((false, true)), "the bottom right is empty");
    }

    [Test]
    public void Points_map_into_the_plot_area_with_y_upwards()
    {
        var document = XDocument.Parse(new LinePlot { Series = [new("s", [0, 1], [0, 1])] }.ToSvg());
        var circles = document.Descendants(Svg + "circle").Select(c => (X: (double)c.Attribute("cx")!, Y: (double)c.Attribute("cy")!)).ToList();
        Assert.That(circles[1].X, Is.GreaterThan(circles[0].X));
        Assert.That(circles[1].Y, Is.LessThan(circles[0].Y), "larger values are drawn higher");
        Assert.That(document.Descendants(Svg + "g").Any(g => (string?)g.Attribute("class") == "legend"), Is.False, "no legend for one series");
    }

    [Test]
    public void Log_axis_spaces_decades_evenly_and_skips_non_positive_values()
    {
        var plot = new LinePlot { LogX = true, Series = [new("sweep", [0.001, 0.01, 0.1, 0], [0.1, 0.3, 0.7, 0.9])] };
        var circles = XDocument.Parse(plot.ToSvg()).Descendants(Svg + "circle").Select(c => (double)c.Attribute("cx")!).ToList();
        Assert.That(circles, Has.Count.EqualTo(3), "x = 0 has no place on a log axis");
        Assert.That(circles[1] - circles[0], Is.EqualTo(circles[2] - circles[1]).Within(0.02));
    }

    [Test]
    public void A_non_finite_value_breaks_the_line()
    {
        var path = XDocument.Parse(new LinePlot { Series = [PlotSeries.OverSteps("loss", [2, 1, double.NaN, 0.5, 0.4])] }.ToSvg())
            .Descendants(Svg + "path").Single().Attribute("d")!.Value;
        Assert.That(path.Count(c => c == 'M'), Is.EqualTo(2));
        Assert.That(path.Count(c => c == 'L'), Is.EqualTo(2));
    }

    [Test]
    public void Same_data_gives_the_same_bytes()
    {
        var first = Curves().ToSvg();
        Assert.That(Curves().ToSvg(), Is.EqualTo(first));
    }

    private static List<string> Texts(XDocument document, string cssClass) =>
        [.. document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == cssClass).Select(t => t.Value)];
}
