using Autograder.Reports.Plots;
using Autograder.Reports.Tests.Support;

namespace Autograder.Reports.Tests.Plots;

public sealed class HistogramTests
{
    [Test]
    public void Every_finite_value_is_counted_once_in_equal_bins_from_the_smallest_to_the_largest()
    {
        double[] values = [0, 0.1, 0.2, 0.25, 0.5, 0.9, 1.0, 1.0];
        var bars = new Rendered(new Histogram { Values = values, Bins = 4 }).Plot.GetPlottables<ScottPlot.Plottables.HistogramBars>().Single().Bars;
        Assert.That(bars.Select(b => b.Value), Is.EqualTo(new[] { 3.0, 1, 1, 3 }), "[0, .25) [.25, .5) [.5, .75) [.75, 1]: the largest value is in the last bin");
        Assert.That(bars.Select(b => b.Position), Is.EqualTo(new[] { 0.125, 0.375, 0.625, 0.875 }).Within(1e-12));
    }

    [Test]
    public void Non_finite_values_are_left_out_and_the_title_says_how_many()
    {
        var rendered = new Rendered(new Histogram { Title = "Weights", Values = [1, 2, double.NaN, double.PositiveInfinity, 3] });
        Assert.That(rendered.Plot.GetPlottables<ScottPlot.Plottables.HistogramBars>().Single().Bars.Sum(b => b.Value), Is.EqualTo(3));
        Assert.That(rendered.Texts, Does.Contain("Weights (2 non-finite left out)").And.Contain("Count"));
    }

    [Test]
    public void One_repeated_value_or_none_still_draws()
    {
        Assert.That(new Rendered(new Histogram { Values = [2, 2, 2] }).Plot.GetPlottables<ScottPlot.Plottables.HistogramBars>().Single().Bars.Sum(b => b.Value), Is.EqualTo(3));
        Assert.That(new Histogram { Values = [] }.ToSvg(), Does.StartWith("<svg"));
    }
}
