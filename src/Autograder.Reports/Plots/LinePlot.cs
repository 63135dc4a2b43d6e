using ScottPlot;
using ScottPlot.TickGenerators;

namespace Autograder.Reports.Plots;

/// <summary>A line plot with several series, optional log axes and a legend (learning curves, a sweep's accuracies).</summary>
/// <remarks>
/// Points are marked when a series has at most <see cref="MarkerLimit"/> of them (a sweep, per-epoch accuracies). Non-finite
/// values (and non-positive ones on a log axis) are skipped and break the line. Whole-number x data (epochs, sizes) gets
/// whole-number ticks; a log axis gets powers of ten (with 2 and 5 between over a short range).
/// </remarks>
public sealed record LinePlot : Chart
{
    /// <summary>Series with at most this many points get a marker on each.</summary>
    public const int MarkerLimit = 40;

    /// <summary>Gets whether the x axis is logarithmic (a learning-rate sweep, say).</summary>
    public bool LogX { get; init; }

    /// <summary>Gets whether the y axis is logarithmic (a loss falling over orders of magnitude).</summary>
    public bool LogY { get; init; }

    /// <summary>Gets the series, drawn in order with the palette's colours.</summary>
    public IReadOnlyList<PlotSeries> Series { get; init; } = [];

    /// <inheritdoc/>
    internal override Plot Build()
    {
        var plot = NewPlot();
        var runs = Series.Select(Runs).ToList();
        for (var i = 0; i < Series.Count; i++)
        {
            var (color, pattern) = (SeriesStyle.Color(i), SeriesStyle.Pattern(i));
            var markerSize = Series[i].X.Count <= MarkerLimit ? 6 : 0;
            foreach (var run in runs[i])
            {
                var line = plot.Add.Scatter(run.Select(p => p.X).ToArray(), run.Select(p => p.Y).ToArray(), color);
                (line.LineWidth, line.LinePattern, line.MarkerSize) = (2, pattern, markerSize);
            }

            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = Series[i].Name,
                LineColor = color,
                LineWidth = 2,
                LinePattern = pattern,
                MarkerShape = markerSize > 0 ? MarkerShape.FilledCircle : MarkerShape.None,
                MarkerSize = markerSize,
                MarkerFillColor = color,
                MarkerLineColor = color,
            });
        }

        var points = runs.SelectMany(r => r).SelectMany(r => r).ToList();
        plot.Axes.AutoScale();
        ConfigureAxis(plot, plot.Axes.Bottom, points.Select(p => p.X).ToList(), LogX, vertical: false);
        ConfigureAxis(plot, plot.Axes.Left, points.Select(p => p.Y).ToList(), LogY, vertical: true);
        plot.Legend.IsVisible = Series.Count >= 2;
        if (plot.Legend.IsVisible)
        {
            if (LegendCorner.Free(plot, runs.SelectMany(r => r).ToList(), Series.Select(s => s.Name).ToList()) is { } corner)
            {
                plot.Legend.Alignment = corner;
            }
            else
            {
                plot.ShowLegend(Edge.Right);
            }
        }

        return plot;
    }

    /// <summary>The drawable runs of a series, in axis units (log10 on a log axis): a skipped value ends one run and the next drawable value starts another.</summary>
    private List<List<(double X, double Y)>> Runs(PlotSeries series)
    {
        var runs = new List<List<(double X, double Y)>> { new() };
        foreach (var (px, py) in series.X.Zip(series.Y))
        {
            if (Usable(px, LogX) && Usable(py, LogY))
            {
                runs[^1].Add((LogX ? Math.Log10(px) : px, LogY ? Math.Log10(py) : py));
            }
            else if (runs[^1].Count > 0)
            {
                runs.Add([]);
            }
        }

        return [.. runs.Where(r => r.Count > 0)];
    }

    /// <summary>The axis's range and ticks: log ticks from <see cref="Ticks.Log"/>, whole-number ticks for whole-number data, ScottPlot's otherwise.</summary>
    private static void ConfigureAxis(Plot plot, IAxis axis, List<double> values, bool log, bool vertical)
    {
        if (log)
        {
            var (low, high, ticks) = values.Count == 0 ? Ticks.Log(1, 10) : Ticks.Log(Math.Pow(10, values.Min()), Math.Pow(10, values.Max()));
            axis.TickGenerator = new NumericManual([.. ticks.Select(Math.Log10)], [.. ticks.Select(Ticks.Label)]);
            var (min, max) = (Math.Log10(low), Math.Log10(high));
            (min, max) = (min - ((max - min) * 0.03), max + ((max - min) * 0.03)); // end markers and labels whole, as on a linear axis
            if (vertical)
            {
                plot.Axes.SetLimitsY(min, max);
            }
            else
            {
                plot.Axes.SetLimitsX(min, max);
            }
        }
        else if (values.Count > 0 && values.All(v => v == Math.Round(v)))
        {
            axis.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        }
    }

    private static bool Usable(double v, bool log) => double.IsFinite(v) && (!log || v > 0);
}
