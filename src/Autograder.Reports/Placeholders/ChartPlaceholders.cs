using System.Globalization;
using Autograder.Reports.Fragments;
using Autograder.Reports.Plots;
using Autograder.Reports.Results;

namespace Autograder.Reports.Placeholders;

/// <summary>The matrix and distribution figures: a table as a heatmap, a series as a histogram.</summary>
public sealed partial class PlaceholderResolver
{
    /// <summary>
    /// <c>{{ heatmap EXPERIMENT.TABLE }}</c>: the table's cells coloured, its column names along the bottom. The rows' labels are
    /// <c>rows="A|B"</c>, else the experiment's fact <c>TABLE_rows</c> (labels separated by |, as an experiment records the
    /// output tokens of an attention map), else the columns' names when the table is square (a confusion matrix), else 1…n.
    /// </summary>
    private static FigureFragment HeatmapFigure(Placeholder placeholder, ExperimentRecord experiment)
    {
        var table = Lookup(experiment.Tables, placeholder.Name, "table", experiment.Id);
        var rows = placeholder.ListOption("rows");
        if (rows.Count == 0 && experiment.Facts.TryGetValue(placeholder.Name + "_rows", out var fact))
        {
            rows = [.. fact.Split('|').Select(r => r.Trim())];
        }

        if (rows.Count == 0)
        {
            rows = table.Rows.Count == table.Columns.Count
                ? [.. table.Columns]
                : [.. Enumerable.Range(1, table.Rows.Count).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        }

        var columns = placeholder.ListOption("columns");
        columns = columns.Count > 0 ? columns : [.. table.Columns];
        if (rows.Count != table.Rows.Count || columns.Count != table.Columns.Count)
        {
            throw new FormatException($"{experiment.Id}.{placeholder.Name} has {table.Rows.Count} rows and {table.Columns.Count} columns, but the heatmap is given {rows.Count} row labels and {columns.Count} column labels.");
        }

        var format = placeholder.Option("format", "auto");
        if (!ValueFormat.IsFormat(format))
        {
            throw new FormatException($"'{format}' is not a number format; use percent, int, fN, eN or auto.");
        }

        var chart = new Heatmap
        {
            Title = placeholder.Option("title"),
            XLabel = placeholder.Option("xlabel"),
            YLabel = placeholder.Option("ylabel"),
            ValueLabel = placeholder.Option("label"),
            Rows = rows,
            Columns = columns,
            Values = table.Rows,
            Format = v => ValueFormat.Write(v, format, placeholder.Name),
        };
        var caption = placeholder.Option("caption");
        return FigureFragment.Plot(chart, caption, Alt(chart.Title, caption, [$"{ValueFormat.Humanize(placeholder.Name)}, {rows.Count} × {columns.Count}"]));
    }

    /// <summary><c>{{ histogram EXPERIMENT.SERIES [bins=N] }}</c>: how a series' values are distributed.</summary>
    private static FigureFragment HistogramFigure(Placeholder placeholder, ExperimentRecord experiment)
    {
        var values = Lookup(experiment.Series, placeholder.Name, "series", experiment.Id);
        var bins = int.TryParse(placeholder.Option("bins", "30"), CultureInfo.InvariantCulture, out var b) && b is >= 1 and <= 1000
            ? b
            : throw new FormatException($"bins={placeholder.Option("bins")} is not a number of bins from 1 to 1000.");
        var chart = new Histogram
        {
            Title = placeholder.Option("title"),
            XLabel = placeholder.Option("xlabel", ValueFormat.Humanize(placeholder.Name)),
            YLabel = placeholder.Option("ylabel", "Count"),
            Values = values,
            Bins = bins,
        };
        var caption = placeholder.Option("caption");
        return FigureFragment.Plot(chart, caption, Alt(chart.Title, caption, [$"distribution of {ValueFormat.Humanize(placeholder.Name)}"]));
    }
}
