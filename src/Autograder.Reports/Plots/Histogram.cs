using ScottPlot;

namespace Autograder.Reports.Plots;

/// <summary>How values are distributed: counts over equal bins between the smallest and largest finite value (weights, activations, scores).</summary>
/// <remarks>Non-finite values are left out and counted in the title's note, so a NaN does not silently vanish.</remarks>
public sealed record Histogram : Chart
{
    /// <summary>Gets the values.</summary>
    public IReadOnlyList<double> Values { get; init; } = [];

    /// <summary>Gets the number of bins (default 30).</summary>
    public int Bins { get; init; } = 30;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one bin.</exception>
    internal override Plot Build()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Bins, 1);
        var finite = Values.Where(double.IsFinite).ToList();
        var skipped = Values.Count - finite.Count;
        var plot = (this with { Title = skipped > 0 ? $"{Title} ({skipped} non-finite left out)".TrimStart() : Title, YLabel = YLabel.Length > 0 ? YLabel : "Count" }).NewPlot();
        var (min, max) = finite.Count == 0 ? (0.0, 1.0) : (finite.Min(), finite.Max());
        if (max == min)
        {
            (min, max) = (min - 0.5, max + 0.5);
        }

        var counts = ScottPlot.Statistics.Histogram.WithBinCount(Bins, min, max);
        counts.AddRange(finite);
        var bars = plot.Add.Histogram(counts, SeriesStyle.Color(0));
        foreach (var bar in bars.Bars)
        {
            bar.LineWidth = 0;
        }

        plot.Axes.Margins(bottom: 0);
        return plot;
    }
}
