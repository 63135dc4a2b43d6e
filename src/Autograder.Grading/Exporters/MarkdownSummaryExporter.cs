using System.Globalization;
using System.Text;
using Autograder.Grading.Checks;

namespace Autograder.Grading.Exporters;

/// <summary>Writes <c>summary.md</c>: a score table per assignment, then what to fix for every check that did not pass.</summary>
public static class MarkdownSummaryExporter
{
    /// <summary>Builds the Markdown text.</summary>
    public static string Build(IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var earned = results.Sum(r => r.Score);
        var possible = results.Sum(r => r.Info.Points);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Autograder results: {earned:0.##} / {possible:0.##} ({(possible == 0 ? 0 : 100 * earned / possible):0.#} %)\n\n");
        foreach (var group in results.GroupBy(r => r.Info.Assignment))
        {
            md.Append(CultureInfo.InvariantCulture, $"## {group.Key}\n\n| check | result | points |\n| --- | --- | ---: |\n");
            foreach (var r in group)
            {
                md.Append(CultureInfo.InvariantCulture, $"| `{r.Info.Id}` {Escape(r.Info.Title)} | {GradescopeExporter.Tag(r.Outcome)} | {r.Score:0.##} / {r.Info.Points:0.##} |\n");
            }

            md.Append('\n');
        }

        var open = results.Where(r => r.Outcome != Outcome.Passed).ToList();
        if (open.Count > 0)
        {
            md.Append("## To do\n\n");
            foreach (var r in open)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{r.Info.Id}** ({string.Join(", ", r.Info.Targets)}): {Escape(r.Message.Split('\n')[0])}  \n  replay: `{r.ReplayCommand}`\n");
            }
        }

        var notes = results.Where(r => r.Outcome == Outcome.Passed && r.Message.Length > 0).ToList();
        if (notes.Count > 0)
        {
            md.Append("\n## Notes\n\n");
            foreach (var r in notes)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{r.Info.Id}**: {Escape(r.Message.Split('\n')[0])}\n");
            }
        }

        return md.ToString();
    }

    /// <summary>Writes <c>summary.md</c> into <paramref name="directory"/>.</summary>
    public static string Write(string directory, IReadOnlyList<CheckResult> results)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "summary.md");
        AtomicFile.WriteAllText(path, Build(results));
        return path;
    }

    /// <summary>Keeps a message's text as text: no table cell breaks, no HTML, no emphasis or links from student-made messages.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '&' => escaped.Append("&amp;"),
                '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
