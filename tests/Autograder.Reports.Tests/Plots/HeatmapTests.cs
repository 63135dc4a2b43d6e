using Autograder.Reports.Plots;
using Autograder.Reports.Tests.Support;
using ScottPlot;
using SkiaSharp;

namespace Autograder.Reports.Tests.Plots;

public sealed class HeatmapTests
{
    /// <summary>Attention of three output words over four input words; row 1 attends mostly to column 2.</summary>
    private static Heatmap Attention() => new()
    {
        Title = "Attention",
        XLabel = "source",
        YLabel = "output",
        ValueLabel = "weight",
        Columns = ["ein", "mann", "fährt", "."],
        Rows = ["a", "man", "rides"],
        Values = [[0.7, 0.1, 0.1, 0.1], [0.05, 0.05, 0.85, 0.05], [0.25, 0.25, 0.25, 0.25]],
    };

    [Test]
    public void Rows_run_top_to_bottom_and_each_cell_has_its_values_colour()
    {
        var chart = Attention();
        var rendered = new Rendered(chart);
        var map = rendered.Plot.GetPlottables<ScottPlot.Plottables.Heatmap>().Single();
        using var image = SKBitmap.Decode(rendered.Png);
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                // A point a quarter cell from the centre, clear of the value written there.
                var pixel = rendered.Plot.GetPixel(new Coordinates(c + 0.3, 2 - r + 0.3));
                var drawn = image.GetPixel((int)pixel.X, (int)pixel.Y);
                var range = map.GetRange();
                var expected = map.Colormap.GetColor((chart.Values[r][c] - range.Min) / (range.Max - range.Min));
                Assert.That(new[] { drawn.Red, drawn.Green, drawn.Blue }, Is.EqualTo(new[] { expected.R, expected.G, expected.B }).Within(2), $"cell ({r}, {c})");
            }
        }
    }

    [Test]
    public void Rows_and_columns_are_labelled_and_small_matrices_are_annotated()
    {
        var rendered = new Rendered(Attention());
        Assert.That(Rendered.Labels(rendered.Plot.Axes.Bottom), Is.EqualTo(new[] { "ein", "mann", "fährt", "." }));
        Assert.That(Rendered.Labels(rendered.Plot.Axes.Left), Is.EqualTo(new[] { "rides", "man", "a" }), "bottom to top");
        var texts = rendered.Plot.GetPlottables<ScottPlot.Plottables.Text>().ToList();
        Assert.That(texts, Has.Count.EqualTo(12));
        var highest = texts.Single(t => t.LabelText == "0.85");
        Assert.That((highest.Location.X, highest.Location.Y), Is.EqualTo((2.0, 1.0)));
        Assert.That(highest.LabelFontColor, Is.EqualTo(Colors.Black), "dark text on viridis' yellow");
        Assert.That(texts.First(t => t.LabelText == "0.05").LabelFontColor, Is.EqualTo(Colors.White), "light text on its purple");
        Assert.That(rendered.Texts, Does.Contain("weight").And.Contain("fährt"), "the colour bar's label and UTF-8 labels");
    }

    [Test]
    public void A_large_matrix_is_not_annotated_and_long_labels_slant()
    {
        var words = Enumerable.Range(0, 21).Select(i => $"word{i}").ToList();
        var chart = new Heatmap { Columns = words, Rows = words, Values = [.. words.Select((_, r) => (IReadOnlyList<double>)[.. words.Select((_, c) => (double)(r * c))])] };
        var plot = chart.Build();
        Assert.That(plot.GetPlottables<ScottPlot.Plottables.Text>(), Is.Empty, $"{21 * 21} cells > {Heatmap.AnnotationLimit}");
        Assert.That(plot.Axes.Bottom.TickLabelStyle.Rotation, Is.Not.Zero);
    }

    [Test]
    public void A_non_finite_value_is_a_grey_cell_not_a_crash()
    {
        var chart = Attention() with { Values = [[0.7, double.NaN, 0.1, 0.1], [0.05, 0.05, 0.85, 0.05], [0.25, 0.25, 0.25, 0.25]] };
        var rendered = new Rendered(chart);
        using var image = SKBitmap.Decode(rendered.Png);
        var pixel = rendered.Plot.GetPixel(new Coordinates(1.3, 2.3));
        var drawn = image.GetPixel((int)pixel.X, (int)pixel.Y);
        Assert.That((drawn.Red, drawn.Green, drawn.Blue), Is.EqualTo((Colors.LightGray.R, Colors.LightGray.G, Colors.LightGray.B)));
        Assert.That(rendered.Plot.GetPlottables<ScottPlot.Plottables.Text>().Count(), Is.EqualTo(11));
    }

    [Test]
    public void Values_that_do_not_match_the_labels_are_an_error_that_says_so()
    {
        var chart = Attention() with { Rows = ["a", "man"] };
        Assert.That(() => chart.ToSvg(), Throws.ArgumentException.With.Message.Contains("one row of 4 values per row label (2)"));
    }

    [Test]
    public void Same_data_gives_the_same_bytes()
    {
        var (svg, png) = (Attention().ToSvg(), Attention().ToPng());
        Assert.That(Attention().ToSvg(), Is.EqualTo(svg));
        Assert.That(Attention().ToPng(), Is.EqualTo(png));
    }
}
