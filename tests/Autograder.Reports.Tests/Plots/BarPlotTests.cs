using Autograder.Reports.Plots;
using Autograder.Reports.Tests.Support;

namespace Autograder.Reports.Tests.Plots;

public sealed class BarPlotTests
{
    private static BarPlot Sweep() => new()
    {
        Title = "Accuracy per learning rate",
        XLabel = "learning rate",
        YLabel = "accuracy",
        Categories = ["0.001", "0.01", "0.1"],
        Values = [0.42, 0.91, 0.87],
        Format = v => $"{v * 100:0}%",
    };

    [Test]
    public void Each_category_gets_a_bar_from_zero_labelled_with_its_value()
    {
        var rendered = new Rendered(Sweep());
        var bars = rendered.Plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.That(bars.Select(b => (b.Position, b.Value, b.ValueBase)), Is.EqualTo(new[] { (0.0, 0.42, 0.0), (1.0, 0.91, 0.0), (2.0, 0.87, 0.0) }));
        Assert.That(bars.Select(b => b.Label), Is.EqualTo(new[] { "42%", "91%", "87%" }));
        Assert.That(Rendered.Labels(rendered.Plot.Axes.Bottom), Is.EqualTo(new[] { "0.001", "0.01", "0.1" }));
        Assert.That(rendered.Plot.Axes.GetLimits().Bottom, Is.Zero, "bars start at zero, so their lengths compare");
        Assert.That(rendered.Texts, Does.Contain("91%").And.Contain("0.01").And.Contain("Accuracy per learning rate"));
    }

    [Test]
    public void A_diverged_run_has_no_bar_and_says_so()
    {
        var rendered = new Rendered(Sweep() with { Values = [0.42, double.NaN, 0.87] });
        Assert.That(rendered.Plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Single().Bars.Select(b => b.Position), Is.EqualTo(new[] { 0.0, 2 }));
        Assert.That(rendered.Texts, Does.Contain("n/a"));
    }

    [Test]
    public void Negative_values_hang_below_zero()
    {
        var limits = new Rendered(Sweep() with { Values = [-0.5, 0.2, 0.1] }).Plot.Axes.GetLimits();
        Assert.That(limits.Bottom, Is.LessThan(-0.5));
        Assert.That(limits.Top, Is.GreaterThan(0.2));
    }

    [Test]
    public void A_value_per_category_is_required()
    {
        var plot = Sweep() with { Values = [0.5] };
        Assert.That(() => plot.ToSvg(), Throws.ArgumentException.With.Message.Contains("3 categories and 1 values"));
    }

    [Test]
    public void Same_data_gives_the_same_bytes()
    {
        var (svg, png) = (Sweep().ToSvg(), Sweep().ToPng());
        Assert.That(Sweep().ToSvg(), Is.EqualTo(svg));
        Assert.That(Sweep().ToPng(), Is.EqualTo(png));
    }
}
