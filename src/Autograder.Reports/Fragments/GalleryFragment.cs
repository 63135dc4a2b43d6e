using System.Text;

namespace Autograder.Reports.Fragments;

/// <summary>A numbered figure of several images, each with its own caption (test images with predicted labels, images with generated captions).</summary>
/// <param name="items">The images (PNG bytes) and their captions.</param>
/// <param name="columns">Images per row.</param>
/// <param name="caption">The figure's caption.</param>
/// <param name="displayWidth">Each image's width in CSS pixels.</param>
public sealed class GalleryFragment(IReadOnlyList<(byte[] Png, string Caption)> items, int columns, string caption, int displayWidth) : Fragment
{
    /// <inheritdoc/>
    public override bool IsBlock => true;

    /// <inheritdoc/>
    public override void WriteHtml(StringBuilder html, Numbering numbering)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(numbering);
        html.Append($"<figure class=\"gallery\"><div class=\"gallery-grid\" style=\"--columns:{columns}\">");
        foreach (var (png, text) in items)
        {
            html.Append($"<figure><img src=\"{FigureFragment.DataUri(png)}\" alt=\"{Escape(text)}\" width=\"{displayWidth}\"><figcaption>{Escape(text)}</figcaption></figure>");
        }

        html.Append($"</div><figcaption>{Escape(Caption("Figure", numbering.NextFigure(), caption))}</figcaption></figure>\n");
    }

    /// <inheritdoc/>
    public override string ToMarkdown(MarkdownAssets assets, Numbering numbering)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(numbering);
        var links = items.Select(i => $"![{EscapeMarkdown(i.Caption)}]({assets.Save("png", i.Png)})<br>{EscapeMarkdown(i.Caption)}").ToList();
        var width = Math.Min(columns, Math.Max(1, links.Count));
        var markdown = new StringBuilder();
        markdown.Append('|').Append(string.Concat(Enumerable.Repeat("   |", width))).Append('\n');
        markdown.Append('|').Append(string.Concat(Enumerable.Repeat(" :---: |", width))).Append('\n');
        foreach (var row in links.Chunk(width))
        {
            markdown.Append("| ").AppendJoin(" | ", row.Concat(Enumerable.Repeat("", width - row.Length))).Append(" |\n");
        }

        return markdown.Append($"\n*{EscapeMarkdown(Caption("Figure", numbering.NextFigure(), caption))}*").ToString();
    }
}
