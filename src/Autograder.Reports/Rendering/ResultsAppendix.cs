using System.Text;
using Autograder.Reports.Results;

namespace Autograder.Reports.Rendering;

/// <summary>
/// The "Measured results" section added to a write-up for the experiments it does not mention: each one's numbers, curves,
/// tables and images as placeholders, so a student's own write-up always carries their measured results.
/// </summary>
public static class ResultsAppendix
{
    /// <summary>The Markdown of the section, or an empty string when there is nothing to add.</summary>
    /// <param name="experiments">The experiments to show (not run ones get their "not run" marker).</param>
    /// <param name="results">The saved results, to list what each experiment measured.</param>
    /// <param name="scores">The assignment whose score table to add (<c>a1</c>), or null for none.</param>
    public static string Markdown(IReadOnlyList<string> experiments, ResultSet results, string? scores)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(results);
        if (experiments.Count == 0 && scores is null)
        {
            return "";
        }

        var markdown = new StringBuilder("\n\n## Measured results\n\n");
        if (scores is not null)
        {
            markdown.Append($"{{{{ scores {scores} }}}}\n\n");
        }

        foreach (var id in experiments)
        {
            if (!results.Experiments.TryGetValue(id, out var record))
            {
                markdown.Append($"### {id}\n\n{{{{ metrics {id} }}}}\n\n");
                continue;
            }

            markdown.Append($"### {(record.Title.Length > 0 ? record.Title : id)}\n\n{{{{ metrics {id} }}}}\n\n");
            foreach (var table in record.Tables.Keys.Order(StringComparer.Ordinal))
            {
                markdown.Append($"{{{{ table {id}.{table} caption=\"{Quote(Words(table))}\" }}}}\n\n");
            }

            foreach (var series in record.Series.Keys.Order(StringComparer.Ordinal))
            {
                markdown.Append($"{{{{ plot {id} series=\"{Quote(series)}\" caption=\"{Quote(Words(series))}\" }}}}\n\n");
            }

            var galleries = record.Images.Keys.Where(IsNumbered).Select(k => k[..k.LastIndexOf('_')]).Distinct().Order(StringComparer.Ordinal);
            foreach (var gallery in galleries)
            {
                markdown.Append($"{{{{ gallery {id}.{gallery} caption=\"{Quote(Words(gallery))}\" }}}}\n\n");
            }

            foreach (var image in record.Images.Keys.Where(k => !IsNumbered(k)).Order(StringComparer.Ordinal))
            {
                markdown.Append($"{{{{ image {id}.{image} caption=\"{Quote(Words(image))}\" }}}}\n\n");
            }
        }

        return markdown.ToString();
    }

    private static bool IsNumbered(string name) =>
        name.LastIndexOf('_') is var i and > 0 && i < name.Length - 1 && name[(i + 1)..].All(char.IsAsciiDigit);

    private static string Words(string name) => Placeholders.ValueFormat.Humanize(name);

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
