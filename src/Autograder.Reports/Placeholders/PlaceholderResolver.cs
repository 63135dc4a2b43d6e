using System.Globalization;
using Autograder.Reports.Fragments;
using Autograder.Reports.Results;

namespace Autograder.Reports.Placeholders;

/// <summary>
/// Turns placeholders into fragments from a <see cref="ResultSet"/>. A result that is not there becomes a visible "not run"
/// marker, a mistake in the placeholder a "report error" marker; both are also listed in <see cref="Problems"/>.
/// </summary>
/// <param name="results">The saved results.</param>
public sealed partial class PlaceholderResolver(ResultSet results)
{
    /// <summary>Gets the markers written so far, in order, as one line each ("not run: …", "report error: …").</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Gets the experiments the placeholders asked for, found or not (so a write-up can list what it did not mention).</summary>
    public HashSet<string> Referenced { get; } = new(StringComparer.Ordinal);

    /// <summary>Resolves the text between <c>{{</c> and <c>}}</c>.</summary>
    /// <param name="text">The placeholder's text.</param>
    /// <param name="standsAlone">Whether it is alone in its paragraph (required for tables and figures).</param>
    public Fragment Resolve(string text, bool standsAlone)
    {
        Placeholder placeholder;
        try
        {
            placeholder = Placeholder.Parse(text);
        }
        catch (FormatException e)
        {
            return Mark(MarkerKind.Error, e.Message, standsAlone);
        }

        if (placeholder.IsBlock && !standsAlone)
        {
            return Mark(MarkerKind.Error, $"{{{{ {placeholder.Kind} … }}}} makes a {(placeholder.Kind is "table" or "metrics" or "scores" or "compare" ? "table" : "figure")}; put it in a paragraph of its own.", false);
        }

        if (placeholder.Kind == "scores")
        {
            return Scores(placeholder);
        }

        if (placeholder.Kind == "compare")
        {
            return Compare(placeholder);
        }

        Referenced.Add(placeholder.Experiment);
        if (!results.Experiments.TryGetValue(placeholder.Experiment, out var experiment))
        {
            return Mark(MarkerKind.NotRun, $"{placeholder.Experiment} has no results in {results.Folder}. Run it (autograder experiments run --only {placeholder.Experiment}) or point --results at the folder that holds them.", placeholder.IsBlock);
        }

        if (!experiment.HasMeasurements)
        {
            var why = experiment.Message.Split('\n')[0];
            return Mark(MarkerKind.NotRun, $"{placeholder.Experiment} {experiment.Outcome} without results{(why.Length > 0 ? $" ({why})" : "")}.", placeholder.IsBlock);
        }

        try
        {
            return placeholder.Kind switch
            {
                "metric" => Metric(placeholder, experiment),
                "fact" => new TextFragment(Lookup(experiment.Facts, placeholder.Name, "fact", experiment.Id)),
                "metrics" => Metrics(placeholder, experiment),
                "table" => Table(placeholder, experiment),
                "plot" => Plot(placeholder, experiment),
                "heatmap" => HeatmapFigure(placeholder, experiment),
                "histogram" => HistogramFigure(placeholder, experiment),
                "image" => Image(placeholder, experiment),
                _ => Gallery(placeholder, experiment),
            };
        }
        catch (KeyNotFoundException e)
        {
            return Mark(MarkerKind.Error, e.Message, placeholder.IsBlock);
        }
        catch (FormatException e)
        {
            return Mark(MarkerKind.Error, e.Message, placeholder.IsBlock);
        }
    }

    private MarkerFragment Mark(MarkerKind kind, string message, bool block)
    {
        Problems.Add($"{(kind == MarkerKind.NotRun ? "not run" : "report error")}: {message}");
        return new MarkerFragment(kind, message, block);
    }

    private static TextFragment Metric(Placeholder placeholder, ExperimentRecord experiment)
    {
        var value = Lookup(experiment.Metrics, placeholder.Name, "metric", experiment.Id);
        return new TextFragment(ValueFormat.Write(value, Format(placeholder), placeholder.Name));
    }

    private static TableFragment Metrics(Placeholder placeholder, ExperimentRecord experiment) =>
        new(["Quantity", "Value"],
            [.. experiment.Metrics.Select(m => (IReadOnlyList<string>)[ValueFormat.Humanize(m.Key), ValueFormat.Write(m.Value, "auto", m.Key)])
                .Concat(experiment.Facts.Where(f => !f.Key.Contains("sample", StringComparison.Ordinal)).Select(f => (IReadOnlyList<string>)[ValueFormat.Humanize(f.Key), f.Value]))],
            placeholder.Option("caption", experiment.Title));

    private static TableFragment Table(Placeholder placeholder, ExperimentRecord experiment)
    {
        var table = Lookup(experiment.Tables, placeholder.Name, "table", experiment.Id);
        var headers = placeholder.ListOption("columns");
        if (headers.Count == 0)
        {
            headers = [.. table.Columns.Select(ValueFormat.Humanize)];
        }
        else if (headers.Count != table.Columns.Count)
        {
            throw new FormatException($"columns= names {headers.Count} headers, but {experiment.Id}.{placeholder.Name} has {table.Columns.Count} columns ({string.Join(", ", table.Columns)}).");
        }

        var formats = placeholder.ListOption("formats");
        if (formats.FirstOrDefault(f => !ValueFormat.IsFormat(f)) is { } bad)
        {
            throw new FormatException($"'{bad}' is not a number format; use percent, int, fN, eN or auto.");
        }

        var highlight = -1;
        if (placeholder.Options.TryGetValue("best", out var best))
        {
            var column = IndexOf(table.Columns, best, experiment.Id, placeholder.Name);
            var finite = table.Rows.Select((r, i) => (r[column], i)).Where(p => double.IsFinite(p.Item1)).ToList();
            highlight = finite.Count == 0 ? -1 : finite.MaxBy(p => p.Item1).i;
        }

        var rows = table.Rows.Select(row => (IReadOnlyList<string>)[.. row.Select((v, c) => ValueFormat.Write(v, c < formats.Count ? formats[c] : "auto", table.Columns[c]))]).ToList();
        return new TableFragment(headers, rows, placeholder.Option("caption"), highlight);
    }

    private Fragment Scores(Placeholder placeholder)
    {
        var prefix = placeholder.Target.Length == 0 ? "" : placeholder.Target.TrimEnd('.') + ".";
        var scores = results.Scores.Where(s => s.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (scores.Count == 0)
        {
            return Mark(MarkerKind.NotRun, results.Scores.Count == 0
                ? $"there is no results.json in {results.Folder}; grade first (autograder grade --out {results.Folder})."
                : $"results.json in {results.Folder} has no checks starting with '{prefix}'.", true);
        }

        var invariant = CultureInfo.InvariantCulture;
        var rows = scores.Select(s => (IReadOnlyList<string>)[s.Title, s.Id, $"{s.Score.ToString("0.##", invariant)} / {s.MaxScore.ToString("0.##", invariant)}", s.Outcome]).ToList();
        var (earned, possible) = (scores.Sum(s => s.Score), scores.Sum(s => s.MaxScore));
        rows.Add(["Total", "", $"{earned.ToString("0.##", invariant)} / {possible.ToString("0.##", invariant)}", $"{(possible == 0 ? 100 : 100 * earned / possible).ToString("0.#", invariant)} %"]);
        return new TableFragment(["Check", "Id", "Points", "Outcome"], rows, placeholder.Option("caption", "Check scores"));
    }

    private static string Format(Placeholder placeholder)
    {
        var format = placeholder.Flags.FirstOrDefault(ValueFormat.IsFormat) ?? placeholder.Option("format", "auto");
        return ValueFormat.IsFormat(format) ? format : throw new FormatException($"'{format}' is not a number format; use percent, int, fN, eN or auto.");
    }

    private static T Lookup<T>(IReadOnlyDictionary<string, T> items, string name, string what, string experiment) =>
        items.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException(items.Count == 0
                ? $"{experiment} has no {what}s{(name.Length == 0 ? "" : $" (asked for '{name}')")}."
                : $"{experiment} has no {what} '{name}'; it has {string.Join(", ", items.Keys.Order(StringComparer.Ordinal))}.");

    private static int IndexOf(IReadOnlyList<string> columns, string column, string experiment, string table)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == column)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"{experiment}.{table} has no column '{column}'; it has {string.Join(", ", columns)}.");
    }
}
