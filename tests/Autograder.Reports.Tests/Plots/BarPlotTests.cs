using System.Xml.Linq;
using Autograder.Reports.Plots;

namespace Autograder.Reports.Tests.Plots;

/// <summary>Bar plots parsed back as XML: one bar per category from zero, value labels, gaps for non-finite values.</summary>
public sealed class BarPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static BarPlot Sweep(params double[] values) => new()
    {
        Title = "Accuracy per learning rate",
        XLabel = "learning rate",
        YLabel = "accuracy",
        Categories = [.. values.Select((_, i) => $"lr{i}")],
        Values = values,
    };

    [Test]
    public void Each_category_gets_a_bar_from_zero_labelled_with_its_value()
    {
        var document = XDocument.Parse(Sweep(0.1, 0.5, 0.9).ToSvg());
        var bars = document.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        Assert.That(bars.Select(b => (double)b.Attribute("data-value")!), Is.EqualTo(new[] { 0.1, 0.5, 0.9 }));
        var heights = bars.Select(b => (double)b.Attribute("height")!).ToList();
        var bottoms = bars.Select(b => (double)b.Attribute("y")! + (double)b.Attribute("height")!).ToList();
        Assert.That(bottoms.Distinct().Count(), Is.EqualTo(1), "every bar starts at zero");
        Assert.That(heights[1] / heights[0], Is.EqualTo(5).Within(0.05), "lengths are proportional to the values");
        Assert.That(document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value), Is.EqualTo(new[] { "0.1", "0.5", "0.9" }));
        Assert.That(document.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "xtick").Select(t => t.Value), Is.EqualTo(new[] { "lr0", "lr1", "lr2" }));
    }

    [Test]
    public void A_diverged_run_has_no_bar_and_says_so()
    {
        var document = XDocument.Parse(Sweep(0.2, double.NaN).ToSvg());
        Assert.That(document.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "bar"), Is.EqualTo(1));
        Assert.That(document.Descendants(Svg + "text").Select(t => t.Value), Does.Contain("n/a"));
    }

    [Test]
    public void A_value_per_category_is_required()
    {
        var plot = Sweep(0.2, 0.3) with { Categories = ["only one"] };
        Assert.That(plot.ToSvg, Throws.ArgumentException.With.Message.Contain("1 categories and 2 values"));
    }

    [Test]
    public void Same_data_gives_the_same_bytes()
    {
        var first = Sweep(0.1, 0.5).ToSvg();
        var second = Sweep(0.1, 0.5).ToSvg();
        Assert.That(second, Is.EqualTo(first));
    }
}
