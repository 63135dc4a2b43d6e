using System.Text;

namespace Autograder.Reports.Fragments;

/// <summary>A numbered table with a caption; numeric columns align right; one row may be highlighted (the chosen hyper-parameter).</summary>
/// <param name="headers">Column headers.</param>
/// <param name="rows">Cells as text, each row as long as <paramref name="headers"/>.</param>
/// <param name="caption">The caption (may be empty).</param>
/// <param name="highlight">The row to set in bold, or -1.</param>
public sealed class TableFragment(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, string caption, int highlight = -1) : Fragment
{
    /// <summary>Gets the headers.</summary>
    public IReadOnlyList<string> Headers { get; } = headers;

    /// <summary>Gets the cells.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; } = rows;

    /// <inheritdoc/>
    public override bool IsBlock => true;

    /// <inheritdoc/>
    public override void WriteHtml(StringBuilder html, Numbering numbering)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(numbering);
        var numeric = Numeric();
        html.Append("<figure class=\"table\">");
        html.Append($"<figcaption>{Escape(Caption("Table", numbering.NextTable(), caption))}</figcaption>");
        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr>");
        for (var c = 0; c < Headers.Count; c++)
        {
            html.Append($"<th{(numeric[c] ? " class=\"num\"" : "")}>{Escape(Headers[c])}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < Rows.Count; r++)
        {
            html.Append(r == highlight ? "<tr class=\"best\">" : "<tr>");
            for (var c = 0; c < Headers.Count; c++)
            {
                html.Append($"<td{(numeric[c] ? " class=\"num\"" : "")}>{Escape(Rows[r][c])}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div></figure>\n");
    }

    /// <inheritdoc/>
    public override string ToMarkdown(MarkdownAssets assets, Numbering numbering)
    {
        ArgumentNullException.ThrowIfNull(numbering);
        var numeric = Numeric();
        var markdown = new StringBuilder();
        markdown.Append($"*{EscapeMarkdown(Caption("Table", numbering.NextTable(), caption))}*\n\n");
        markdown.Append("| ").AppendJoin(" | ", Headers.Select(EscapeMarkdown)).Append(" |\n");
        markdown.Append('|').AppendJoin("|", numeric.Select(n => n ? " ---: " : " --- ")).Append("|\n");
        for (var r = 0; r < Rows.Count; r++)
        {
            var cells = Rows[r].Select(EscapeMarkdown).Select(c => r == highlight && c.Length > 0 ? $"**{c}**" : c);
            markdown.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        }

        return markdown.ToString().TrimEnd('\n');
    }

    /// <summary>Whether each column holds numbers (and so aligns right).</summary>
    /// <summary>The cell of a value that was not measured (a model not run); it does not make a numeric column text.</summary>
    public const string NotRun = "not run";

    private bool[] Numeric() =>
        [.. Headers.Select((_, c) => Rows.Count > 0 && Rows.Any(r => r[c] != NotRun)
            && Rows.All(r => r[c] == NotRun || (r[c].Length > 0 && (char.IsAsciiDigit(r[c][0]) || r[c][0] is '-' or '−' or '.' or 'N' or '∞'))))];
}
