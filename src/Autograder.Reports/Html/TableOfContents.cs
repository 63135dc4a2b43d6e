using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Autograder.Reports.Html;

/// <summary>The page's table of contents: its level-2 and level-3 headings, nested, linking to their anchors.</summary>
public static class TableOfContents
{
    /// <summary>The <c>&lt;nav&gt;</c> element, or an empty string for a document with fewer than two sections.</summary>
    /// <param name="document">The parsed document (headings carry their anchors).</param>
    /// <param name="renderInline">Renders a heading's content as HTML (math and all).</param>
    public static string Build(MarkdownDocument document, Func<ContainerInline, string> renderInline)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(renderInline);
        var headings = document.Descendants<HeadingBlock>().Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is { Length: > 0 }).ToList();
        if (headings.Count(h => h.Level == 2) < 2)
        {
            return "";
        }

        var html = new StringBuilder("<nav class=\"toc\" aria-label=\"Contents\"><h2 class=\"toc-title\">Contents</h2>\n<ol>");
        var open = false;
        foreach (var heading in headings)
        {
            var link = $"<a href=\"#{heading.GetAttributes().Id}\">{(heading.Inline is null ? "" : renderInline(heading.Inline))}</a>";
            if (heading.Level == 2)
            {
                html.Append(open ? "</ol></li>" : "").Append("\n<li>").Append(link).Append("<ol>");
                open = true;
            }
            else
            {
                html.Append(open ? "" : "\n<li><ol>").Append("<li>").Append(link).Append("</li>");
                open = true;
            }
        }

        return html.Append("</ol></li>\n</ol></nav>\n").Replace("<ol></ol>", "").ToString();
    }
}
