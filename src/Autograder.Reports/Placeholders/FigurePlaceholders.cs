using System.Globalization;
using Autograder.Reports.Fragments;
using Autograder.Reports.Plots;
using Autograder.Reports.Results;

namespace Autograder.Reports.Placeholders;

/// <summary>The figure kinds: plot (series, or a table's columns as points or bars), image and gallery; heatmap and histogram are in ChartPlaceholders.</summary>
public sealed partial class PlaceholderResolver
{
    /// <summary>Longer series are averaged over buckets down to this many points (a per-iteration loss of a long run).</summary>
    public const int MaxPlotPoints = 1000;

    private static FigureFragment Plot(Placeholder placeholder, ExperimentRecord experiment)
    {
        var caption = placeholder.Option("caption");
        if (placeholder.Name.Length > 0 && experiment.Tables.TryGetValue(placeholder.Name, out var table))
        {
            return TablePlot(placeholder, experiment, table, caption);
        }

        var names = placeholder.ListOption("series");
        if (names.Count == 0)
        {
            names = placeholder.Name.Length > 0 ? [placeholder.Name] : throw new FormatException($"{{{{ plot {placeholder.Target} }}}} names no series; add series=\"NAME|NAME\" (it has {string.Join(", ", experiment.Series.Keys.Order(StringComparer.Ordinal))}).");
        }

        var labels = placeholder.ListOption("labels");
        if (labels.Count != 0 && labels.Count != names.Count)
        {
            throw new FormatException($"labels= gives {labels.Count} labels for {names.Count} series.");
        }

        var smooth = int.TryParse(placeholder.Option("smooth", "1"), CultureInfo.InvariantCulture, out var window) && window >= 1
            ? window
            : throw new FormatException($"smooth={placeholder.Option("smooth")} is not a whole number of points ≥ 1.");
        var series = names.Select((name, i) =>
        {
            var values = Smooth(Lookup(experiment.Series, name, "series", experiment.Id), smooth);
            var (x, y) = Thin(values);
            return new PlotSeries(labels.Count > 0 ? labels[i] : ValueFormat.Humanize(name), x, y);
        }).ToList();
        var plot = new LinePlot
        {
            Title = placeholder.Option("title"),
            XLabel = placeholder.Option("xlabel", "Step"),
            YLabel = placeholder.Option("ylabel", series.Count == 1 ? series[0].Name : ""),
            LogX = placeholder.Flags.Contains("logx"),
            LogY = placeholder.Flags.Contains("logy"),
            Series = series,
        };
        return FigureFragment.Plot(plot, caption, Alt(plot.Title, caption, series.Select(s => s.Name)));
    }

    private static FigureFragment TablePlot(Placeholder placeholder, ExperimentRecord experiment, ResultTable table, string caption)
    {
        var xName = placeholder.Option("x", table.Columns.Count > 0 ? table.Columns[0] : "");
        var yNames = placeholder.ListOption("y");
        if (yNames.Count == 0)
        {
            yNames = [.. table.Columns.Skip(1).Take(1)];
        }

        var x = table.Rows.Select(r => r[IndexOf(table.Columns, xName, experiment.Id, placeholder.Name)]).ToList();
        var ys = yNames.Select(y => (Name: y, Values: table.Rows.Select(r => r[IndexOf(table.Columns, y, experiment.Id, placeholder.Name)]).ToList())).ToList();
        var labels = placeholder.ListOption("labels");
        string Label(int i) => i < labels.Count ? labels[i] : ValueFormat.Humanize(ys[i].Name);
        var format = placeholder.Option("format", "auto");
        if (!ValueFormat.IsFormat(format))
        {
            throw new FormatException($"'{format}' is not a number format; use percent, int, fN, eN or auto.");
        }

        Chart chart;
        var title = placeholder.Option("title");
        if (placeholder.Flags.Contains("bars"))
        {
            if (ys.Count != 1)
            {
                throw new FormatException("A bar plot shows one column; give y=COLUMN.");
            }

            chart = new BarPlot
            {
                Title = title,
                XLabel = placeholder.Option("xlabel", ValueFormat.Humanize(xName)),
                YLabel = placeholder.Option("ylabel", Label(0)),
                Categories = [.. x.Select(v => v.ToString("G", CultureInfo.InvariantCulture))],
                Values = ys[0].Values,
                Format = v => ValueFormat.Write(v, format, ys[0].Name),
            };
        }
        else
        {
            chart = new LinePlot
            {
                Title = title,
                XLabel = placeholder.Option("xlabel", ValueFormat.Humanize(xName)),
                YLabel = placeholder.Option("ylabel", ys.Count == 1 ? Label(0) : ""),
                LogX = placeholder.Flags.Contains("logx"),
                LogY = placeholder.Flags.Contains("logy"),
                Series = [.. ys.Select((y, i) => new PlotSeries(Label(i), x, y.Values))],
            };
        }

        return FigureFragment.Plot(chart, caption, Alt(title, caption, ys.Select((_, i) => Label(i))));
    }

    private static FigureFragment Image(Placeholder placeholder, ExperimentRecord experiment)
    {
        var path = Lookup(experiment.Images, placeholder.Name, "image", experiment.Id);
        var png = File.Exists(path) ? File.ReadAllBytes(path) : throw new KeyNotFoundException($"{experiment.Id}'s image '{placeholder.Name}' is listed but {path} is missing; re-run the experiment.");
        var caption = placeholder.Option("caption");
        return FigureFragment.Image(png, caption, placeholder.Option("alt", caption.Length > 0 ? caption : ValueFormat.Humanize(placeholder.Name)), Width(placeholder, 0));
    }

    private static GalleryFragment Gallery(Placeholder placeholder, ExperimentRecord experiment)
    {
        var prefix = placeholder.Name + "_";
        var names = experiment.Images.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(k[prefix.Length..], CultureInfo.InvariantCulture, out _))
            .OrderBy(k => int.Parse(k[prefix.Length..], CultureInfo.InvariantCulture))
            .ToList();
        if (names.Count == 0)
        {
            throw new KeyNotFoundException($"{experiment.Id} has no images named {prefix}0, {prefix}1, …; it has {(experiment.Images.Count == 0 ? "no images" : string.Join(", ", experiment.Images.Keys.Order(StringComparer.Ordinal)))}.");
        }

        var items = names.Select(n => (File.ReadAllBytes(experiment.Images[n]), experiment.Facts.GetValueOrDefault(n, ""))).ToList();
        var columns = int.TryParse(placeholder.Option("columns", "4"), CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 4;
        return new GalleryFragment(items, columns, placeholder.Option("caption"), Width(placeholder, 112));
    }

    private static int Width(Placeholder placeholder, int fallback) =>
        int.TryParse(placeholder.Option("width", fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture, out var w) && w >= 0
            ? w
            : throw new FormatException($"width={placeholder.Option("width")} is not a width in pixels.");

    private static string Alt(string title, string caption, IEnumerable<string> series) =>
        title.Length > 0 ? title : caption.Length > 0 ? caption : "Plot of " + string.Join(", ", series);

    /// <summary>The moving average over <paramref name="window"/> points (the first points average what there is so far).</summary>
    private static IReadOnlyList<double> Smooth(IReadOnlyList<double> values, int window)
    {
        if (window == 1)
        {
            return values;
        }

        var smoothed = new double[values.Count];
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i] - (i >= window ? values[i - window] : 0);
            smoothed[i] = sum / Math.Min(i + 1, window);
        }

        return smoothed;
    }

    /// <summary>Steps 1…n, averaged over equal buckets when there are more than <see cref="MaxPlotPoints"/>.</summary>
    private static (IReadOnlyList<double> X, IReadOnlyList<double> Y) Thin(IReadOnlyList<double> values)
    {
        if (values.Count <= MaxPlotPoints)
        {
            return ([.. Enumerable.Range(1, values.Count).Select(i => (double)i)], values);
        }

        var (x, y) = (new double[MaxPlotPoints], new double[MaxPlotPoints]);
        for (var b = 0; b < MaxPlotPoints; b++)
        {
            var (start, end) = ((int)((long)b * values.Count / MaxPlotPoints), (int)((long)(b + 1) * values.Count / MaxPlotPoints));
            var bucket = Enumerable.Range(start, end - start);
            x[b] = bucket.Average(i => i + 1.0);
            y[b] = bucket.Average(i => values[i]);
        }

        return (x, y);
    }
}
