using Autograder.Reports.Fragments;

namespace Autograder.Reports.Placeholders;

/// <summary>
/// <c>{{ compare experiments="ID|ID" metrics="NAME|NAME" labels="A|B" best=NAME }}</c>: one row per experiment, one column per
/// metric, the row with the largest <c>best</c> metric in bold (the models of an assignment side by side); <c>lowest=NAME</c>
/// instead bolds the smallest (a loss, a perplexity).
/// </summary>
public sealed partial class PlaceholderResolver
{
    private Fragment Compare(Placeholder placeholder)
    {
        try
        {
            return CompareTable(placeholder);
        }
        catch (FormatException e)
        {
            return Mark(MarkerKind.Error, e.Message, true);
        }
        catch (KeyNotFoundException e)
        {
            return Mark(MarkerKind.Error, e.Message, true);
        }
    }

    private TableFragment CompareTable(Placeholder placeholder)
    {
        var ids = placeholder.ListOption("experiments");
        var metrics = placeholder.ListOption("metrics");
        if (ids.Count == 0 || metrics.Count == 0)
        {
            throw new FormatException("{{ compare … }} needs experiments=\"ID|ID\" and metrics=\"NAME|NAME\".");
        }

        var labels = placeholder.ListOption("labels");
        var formats = placeholder.ListOption("formats");
        var headers = placeholder.ListOption("columns");
        if (labels.Count > 0 && labels.Count != ids.Count)
        {
            throw new FormatException($"labels= names {labels.Count} rows, but experiments= names {ids.Count}.");
        }

        if (headers.Count > 0 && headers.Count != metrics.Count + 1)
        {
            throw new FormatException($"columns= names {headers.Count} headers; give {metrics.Count + 1}: the model's, then one per metric.");
        }

        if (formats.FirstOrDefault(f => !ValueFormat.IsFormat(f)) is { } bad)
        {
            throw new FormatException($"'{bad}' is not a number format; use percent, int, fN, eN or auto.");
        }

        var (largest, smallest) = (placeholder.Option("best"), placeholder.Option("lowest"));
        if (largest.Length > 0 && smallest.Length > 0)
        {
            throw new FormatException("Give best= (the largest in bold) or lowest= (the smallest), not both.");
        }

        var (best, sign) = smallest.Length > 0 ? (smallest, -1.0) : (largest, 1.0);
        if (best.Length > 0 && !metrics.Contains(best))
        {
            throw new FormatException($"{(sign < 0 ? "lowest" : "best")}={best} is not one of the metrics ({string.Join(", ", metrics)}).");
        }

        var rows = new List<IReadOnlyList<string>>();
        var (highlight, top) = (-1, double.NegativeInfinity);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            Referenced.Add(id);
            var found = results.Experiments.TryGetValue(id, out var experiment) && experiment.HasMeasurements;
            var label = labels.Count > 0 ? labels[i] : found ? experiment!.Title : id;
            if (!found)
            {
                // A missing model leaves its row marked; the others still compare.
                Problems.Add($"not run: {id} has no results in {results.Folder}; its row in the comparison is empty.");
                rows.Add([label, .. metrics.Select(_ => TableFragment.NotRun)]);
                continue;
            }

            rows.Add([label, .. metrics.Select((m, c) => ValueFormat.Write(Lookup(experiment!.Metrics, m, "metric", id), c < formats.Count ? formats[c] : "auto", m))]);
            if (best.Length > 0 && experiment!.Metrics[best] is var value && double.IsFinite(value) && sign * value > top)
            {
                (highlight, top) = (i, sign * value);
            }
        }

        return new TableFragment(headers.Count > 0 ? headers : ["Model", .. metrics.Select(ValueFormat.Humanize)], rows, placeholder.Option("caption"), highlight);
    }
}
