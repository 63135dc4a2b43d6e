using System.Text;
using Autograder.Reports.Plots;

namespace Autograder.Reports.Fragments;

/// <summary>
/// A numbered figure with its caption: a plot (inline SVG in HTML; a PNG file in Markdown, because GitHub shows an SVG
/// through an image tag that cannot load the plot's font) or a PNG image (a data URI in HTML, a file in Markdown).
/// </summary>
public sealed class FigureFragment : Fragment
{
    private readonly Chart? _chart;
    private readonly string? _svg;
    private readonly byte[]? _png;
    private readonly string _caption;
    private readonly string _alt;
    private readonly int _displayWidth;

    private FigureFragment(Chart? chart, byte[]? png, string caption, string alt, int displayWidth) =>
        (_chart, _svg, _png, _caption, _alt, _displayWidth) = (chart, chart?.ToSvg(), png, caption, alt, displayWidth);

    /// <inheritdoc/>
    public override bool IsBlock => true;

    /// <summary>Gets the SVG, when this is a plot.</summary>
    public string? Svg => _svg;

    /// <summary>A plot.</summary>
    /// <param name="chart">The chart (drawn as SVG now, as PNG only for Markdown).</param>
    /// <param name="caption">The caption (may be empty).</param>
    /// <param name="alt">A short description for screen readers and the Markdown link.</param>
    public static FigureFragment Plot(Chart chart, string caption, string alt) => new(chart, null, caption, alt, 0);

    /// <summary>An image.</summary>
    /// <param name="png">The PNG file's bytes.</param>
    /// <param name="caption">The caption (may be empty).</param>
    /// <param name="alt">A short description.</param>
    /// <param name="displayWidth">The width to show it at in CSS pixels (small filter grids are scaled up, pixels kept sharp); 0 for its own width.</param>
    public static FigureFragment Image(byte[] png, string caption, string alt, int displayWidth) => new(null, png, caption, alt, displayWidth);

    /// <inheritdoc/>
    public override void WriteHtml(StringBuilder html, Numbering numbering)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(numbering);
        html.Append(_svg is null ? "<figure class=\"image\">" : "<figure class=\"plot\">");
        if (_svg is not null)
        {
            html.Append(_svg.TrimEnd());
        }
        else
        {
            var width = _displayWidth > 0 ? $" width=\"{_displayWidth}\"" : "";
            html.Append($"<img src=\"{DataUri(_png!)}\" alt=\"{Escape(_alt)}\"{width}>");
        }

        html.Append($"<figcaption>{Escape(Caption("Figure", numbering.NextFigure(), _caption))}</figcaption></figure>\n");
    }

    /// <inheritdoc/>
    public override string ToMarkdown(MarkdownAssets assets, Numbering numbering)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(numbering);
        var link = assets.Save("png", _chart is null ? _png! : _chart.ToPng());
        return $"![{EscapeMarkdown(_alt)}]({link})\n\n*{EscapeMarkdown(Caption("Figure", numbering.NextFigure(), _caption))}*";
    }

    /// <summary>A PNG as a data URI.</summary>
    public static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
