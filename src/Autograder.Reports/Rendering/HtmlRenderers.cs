using System.Text;
using Autograder.Reports.Fragments;
using Autograder.Reports.MathMl;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Autograder.Reports.Rendering;

/// <summary>Writes <c>$…$</c> as inline MathML, so the HTML needs no script or network to show formulas.</summary>
internal sealed class MathMlInlineRenderer : HtmlObjectRenderer<MathInline>
{
    protected override void Write(HtmlRenderer renderer, MathInline obj) =>
        renderer.Write(TexToMathMl.Convert(obj.Content.ToString(), display: obj.DelimiterCount > 1));
}

/// <summary>Writes a <c>$$…$$</c> block as display MathML in a scrollable container (a long line scrolls on a phone instead of overflowing).</summary>
internal sealed class MathMlBlockRenderer : HtmlObjectRenderer<MathBlock>
{
    protected override void Write(HtmlRenderer renderer, MathBlock obj)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"math-display\">").Write(TexToMathMl.Convert(obj.Lines.ToString(), display: true)).WriteLine("</div>");
    }
}

/// <summary>Writes a Markdown table of the template inside a scrollable container, as generated tables are (a wide one scrolls on a phone instead of widening the page).</summary>
internal sealed class ScrollingTableRenderer : HtmlTableRenderer
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<div class=\"table-wrap\">");
        base.Write(renderer, table);
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
    }
}

/// <summary>Writes a placeholder's fragment, resolved before rendering.</summary>
internal sealed class PlaceholderInlineRenderer(IReadOnlyDictionary<PlaceholderInline, Fragment> fragments, Numbering numbering) : HtmlObjectRenderer<PlaceholderInline>
{
    protected override void Write(HtmlRenderer renderer, PlaceholderInline obj)
    {
        var html = new StringBuilder();
        fragments[obj].WriteHtml(html, numbering);
        renderer.Write(html.ToString());
    }
}

/// <summary>Writes a block placeholder's fragment (a table, a figure) in place of its paragraph.</summary>
internal sealed class PlaceholderBlockRenderer(IReadOnlyDictionary<PlaceholderInline, Fragment> fragments, Numbering numbering) : HtmlObjectRenderer<PlaceholderBlock>
{
    protected override void Write(HtmlRenderer renderer, PlaceholderBlock obj)
    {
        var html = new StringBuilder();
        fragments[obj.Placeholder].WriteHtml(html, numbering);
        renderer.EnsureLine();
        renderer.Write(html.ToString());
    }
}
