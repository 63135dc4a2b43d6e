using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Autograder.Reports.Plots;

/// <summary>
/// A matrix as coloured cells with labelled rows and columns and a colour bar: attention weights between two token
/// sequences (rows: the output's tokens, columns: the input's), or a confusion matrix (rows: true class, columns: predicted).
/// </summary>
/// <remarks>
/// Row 0 is at the top, as a matrix is written. Colours are viridis (perceptually uniform, readable in grey and with the
/// common colour-vision deficiencies). Up to <see cref="AnnotationLimit"/> cells each get their value written in them, in
/// black or white, whichever reads on the cell's colour. A non-finite value is a grey cell.
/// </remarks>
public sealed record Heatmap : Chart
{
    /// <summary>Matrices with at most this many cells get their values written in the cells.</summary>
    public const int AnnotationLimit = 400;

    /// <summary>Gets the rows' labels, top to bottom.</summary>
    public IReadOnlyList<string> Rows { get; init; } = [];

    /// <summary>Gets the columns' labels, left to right.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Gets the values, one row per row label, each as long as there are column labels.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Values { get; init; } = [];

    /// <summary>Gets the colour bar's label (what the values are).</summary>
    public string ValueLabel { get; init; } = "";

    /// <summary>Gets how values are written in the cells (default: up to three significant digits).</summary>
    public Func<double, string> Format { get; init; } = v => v.ToString("G3", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The values do not match the labels, or there are none.</exception>
    internal override Plot Build()
    {
        var (rows, columns) = (Rows.Count, Columns.Count);
        if (rows == 0 || columns == 0 || Values.Count != rows || Values.Any(r => r.Count != columns))
        {
            throw new ArgumentException($"A heatmap needs one row of {columns} values per row label ({rows}); it has {Values.Count} rows of {string.Join("/", Values.Select(r => r.Count).Distinct())} values.");
        }

        var plot = NewPlot();
        var intensities = new double[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                intensities[r, c] = double.IsFinite(Values[r][c]) ? Values[r][c] : double.NaN;
            }
        }

        var map = plot.Add.Heatmap(intensities);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.NaNCellColor = Colors.LightGray;
        var bar = plot.Add.ColorBar(map);
        bar.Label = ValueLabel;
        bar.LabelStyle.FontSize = 13;
        bar.LabelStyle.Bold = false;

        if (rows * columns <= AnnotationLimit)
        {
            Annotate(plot, map);
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual([.. Columns.Select((_, c) => (double)c)], [.. Columns]);
        plot.Axes.Left.TickGenerator = new NumericManual([.. Rows.Select((_, r) => (double)(rows - 1 - r))], [.. Rows]);
        if (Columns.Sum(l => l.Length + 2) * 7 > Width - 200)
        {
            // Too long to sit side by side: slanted, with room for them under the axis (ScottPlot sizes the axis for level labels).
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 40 + (float)(5.5 * Columns.Max(l => l.Length));
        }

        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.IsVisible = false;
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        return plot;
    }

    private void Annotate(Plot plot, ScottPlot.Plottables.Heatmap map)
    {
        var range = map.GetRange();
        for (var r = 0; r < Rows.Count; r++)
        {
            for (var c = 0; c < Columns.Count; c++)
            {
                var value = Values[r][c];
                if (!double.IsFinite(value))
                {
                    continue;
                }

                var fraction = range.Max > range.Min ? (value - range.Min) / (range.Max - range.Min) : 0.5;
                var cell = map.Colormap.GetColor(fraction);
                var text = plot.Add.Text(Format(value), c, Rows.Count - 1 - r);
                text.LabelFontSize = Math.Max(8, Math.Min(12, 300 / Math.Max(Rows.Count, Columns.Count)));
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = Luminance(cell) > 0.5 ? Colors.Black : Colors.White;
            }
        }
    }

    /// <summary>The relative luminance (0 black … 1 white) of a colour, by the sRGB coefficients.</summary>
    private static double Luminance(Color color) => ((0.2126 * color.R) + (0.7152 * color.G) + (0.0722 * color.B)) / 255;
}
