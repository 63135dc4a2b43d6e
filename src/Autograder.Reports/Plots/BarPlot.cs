using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Autograder.Reports.Plots;

/// <summary>A bar plot of one value per category (accuracy per learning rate), with the value written over each bar.</summary>
/// <remarks>Bars start at zero, so their lengths compare honestly; a non-finite value (a diverged run) gets no bar and the label "n/a".</remarks>
public sealed record BarPlot : Chart
{
    /// <summary>Gets the categories, left to right.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Gets one value per category.</summary>
    public IReadOnlyList<double> Values { get; init; } = [];

    /// <summary>Gets how values are written over the bars (default: four significant digits).</summary>
    public Func<double, string> Format { get; init; } = v => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">There are not as many values as categories.</exception>
    internal override Plot Build()
    {
        if (Categories.Count != Values.Count)
        {
            throw new ArgumentException($"A bar plot needs one value per category; it has {Categories.Count} categories and {Values.Count} values.");
        }

        var plot = NewPlot();
        var bars = new List<Bar>();
        for (var i = 0; i < Values.Count; i++)
        {
            if (double.IsFinite(Values[i]))
            {
                bars.Add(new Bar { Position = i, Value = Values[i], FillColor = SeriesStyle.Color(0), LineWidth = 0, Label = Format(Values[i]), Size = 0.6 });
            }
            else
            {
                var missing = plot.Add.Text("n/a", i, 0);
                (missing.LabelFontSize, missing.LabelAlignment, missing.LabelFontColor) = (12, Alignment.LowerCenter, Colors.Black);
            }
        }

        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 12;
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. Categories.Select((_, i) => (double)i)], [.. Categories]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        var (low, high) = (Math.Min(0, Finite.DefaultIfEmpty(0).Min()), Math.Max(0, Finite.DefaultIfEmpty(1).Max()));
        high = high == low ? 1 : high;
        var pad = (high - low) * 0.12;
        plot.Axes.SetLimits(-0.6, Math.Max(1, Values.Count) - 0.4, low < 0 ? low - pad : 0, high > 0 || low == 0 ? high + pad : 0);
        return plot;
    }

    private IEnumerable<double> Finite => Values.Where(double.IsFinite);
}
