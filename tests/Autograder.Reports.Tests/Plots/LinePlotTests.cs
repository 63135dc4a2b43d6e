using Autograder.Reports.Plots;
using Autograder.Reports.Tests.Support;
using ScottPlot;

namespace Autograder.Reports.Tests.Plots;

/// <summary>The plot ScottPlot draws is read back (its plottables, ticks and legend after rendering) and its SVG parsed as XML.</summary>
public sealed class LinePlotTests
{
    private static LinePlot Curves() => new()
    {
        Title = "Validation accuracy <per epoch>",
        XLabel = "epoch",
        YLabel = "accuracy",
        Series = [PlotSeries.OverSteps("lr 0.1", [0.7, 0.8, 0.85]), PlotSeries.OverSteps("lr 0.01", [0.3, 0.5, 0.6])],
    };

    [Test]
    public void Each_series_is_a_marked_line_in_its_own_colour_with_a_legend_entry_and_readable_ticks()
    {
        var rendered = new Rendered(Curves());
        Assert.That(rendered.Lines.Select(l => l.Color).Distinct().Count(), Is.EqualTo(2));
        Assert.That(rendered.Lines.Select(l => Rendered.Xs(l).Length), Is.All.EqualTo(3));
        Assert.That(rendered.Lines.Select(l => l.MarkerSize), Is.All.GreaterThan(0), "few points: each one marked");
        Assert.That(rendered.Plot.Legend.ManualItems.Select(i => i.LabelText), Is.EqualTo(new[] { "lr 0.1", "lr 0.01" }));
        Assert.That(Rendered.Labels(rendered.Plot.Axes.Bottom), Is.EqualTo(new[] { "1", "2", "3" }), "whole-number steps get whole-number ticks");
        Assert.That(rendered.Texts, Does.Contain("Validation accuracy <per epoch>").And.Contain("epoch").And.Contain("accuracy").And.Contain("lr 0.01"));
        Assert.That(rendered.Texts, Does.Contain("1").And.Contain("0.8"), "tick labels are text, not paths");
    }

    [Test]
    public void Text_is_set_in_the_shipped_font()
    {
        var fonts = new Rendered(Curves()).Document.Descendants(Rendered.Svg + "text").Select(t => (string?)t.Attribute("font-family")).Distinct();
        Assert.That(fonts, Is.EqualTo(new[] { "Inter, sans-serif" }));
    }

    [Test]
    public void The_legend_goes_to_a_free_corner_or_else_outside()
    {
        var rising = new LinePlot { Series = [PlotSeries.OverSteps("a", [0.1, 0.5, 0.9, 0.99]), PlotSeries.OverSteps("b", [0.0, 0.4, 0.85, 1.0])] };
        Assert.That(rising.Build().Legend.Alignment, Is.EqualTo(Alignment.LowerRight), "both curves rise to the top right");
        var falling = new LinePlot { Series = [PlotSeries.OverSteps("a", [2.0, 1, 0.5, 0.2]), PlotSeries.OverSteps("b", [2.5, 1.5, 0.9, 0.7])] };
        Assert.That(falling.Build().Legend.Alignment, Is.EqualTo(Alignment.UpperRight), "losses fall away from the top right");

        // A2's validation accuracies: only the best run's last point is in the top right, at the plot's very edge.
        var sweep = new LinePlot
        {
            Series =
            [
                PlotSeries.OverSteps("lr 0.001", [0.091, 0.092, 0.094]),
                PlotSeries.OverSteps("lr 0.01", [0.158, 0.387, 0.476]),
                PlotSeries.OverSteps("lr 0.1", [0.572, 0.624, 0.692]),
            ],
        };
        var plot = sweep.Build();
        Assert.That(plot.Legend.IsVisible, Is.False, "no corner inside is free (a point at the edge counts)");
        Assert.That(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Single().Edge, Is.EqualTo(Edge.Right), "so it sits outside, to the right");
    }

    [Test]
    public void One_series_needs_no_legend()
    {
        var plot = new LinePlot { Series = [new("s", [0, 1], [0, 1])] }.Build();
        Assert.That(plot.Legend.IsVisible, Is.False);
    }

    [Test]
    public void Long_series_have_no_markers()
    {
        var values = Enumerable.Range(0, LinePlot.MarkerLimit + 1).Select(i => 1.0 / (i + 1)).ToArray();
        Assert.That(new Rendered(new LinePlot { Series = [PlotSeries.OverSteps("loss", values)] }).Lines.Single().MarkerSize, Is.Zero);
    }

    [Test]
    public void Log_axis_spaces_decades_evenly_and_skips_non_positive_values()
    {
        var rendered = new Rendered(new LinePlot { LogX = true, Series = [new("sweep", [0.001, 0.01, 0.1, 0], [0.1, 0.3, 0.7, 0.9])] });
        var xs = Rendered.Xs(rendered.Lines.Single());
        Assert.That(xs, Is.EqualTo(new[] { -3.0, -2, -1 }).Within(1e-12), "x = 0 has no place on a log axis");
        var pixels = xs.Select(x => rendered.Plot.GetPixel(new Coordinates(x, 0.5)).X).ToList();
        Assert.That(pixels[1] - pixels[0], Is.EqualTo(pixels[2] - pixels[1]).Within(0.01));
        Assert.That(Rendered.Labels(rendered.Plot.Axes.Bottom), Is.EqualTo(new[] { "0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1" }));
    }

    [Test]
    public void A_non_finite_value_breaks_the_line()
    {
        var rendered = new Rendered(new LinePlot { Series = [PlotSeries.OverSteps("loss", [2, 1, double.NaN, 0.5, 0.4])] });
        Assert.That(rendered.Lines.Select(Rendered.Xs), Is.EqualTo(new[] { new[] { 1.0, 2 }, [4.0, 5] }));
        Assert.That(rendered.Lines.Select(l => l.Color).Distinct().Count(), Is.EqualTo(1), "both pieces are one series");
    }

    [Test]
    public void Same_data_gives_the_same_bytes()
    {
        var (svg, png) = (Curves().ToSvg(), Curves().ToPng());
        Assert.That(Curves().ToSvg(), Is.EqualTo(svg));
        Assert.That(Curves().ToPng(), Is.EqualTo(png));
    }

    [Test]
    public void The_png_is_twice_the_canvas()
    {
        using var image = SkiaSharp.SKBitmap.Decode(Curves().ToPng());
        Assert.That((image.Width, image.Height), Is.EqualTo((Chart.Width * 2, Chart.Height * 2)));
    }
}
