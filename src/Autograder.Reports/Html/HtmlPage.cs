using System.Net;
using System.Reflection;
using Autograder.Reports.Plots.Fonts;

namespace Autograder.Reports.Html;

/// <summary>The self-contained HTML page around a rendered report: one file, its stylesheet inline, readable on a phone, printable to PDF.</summary>
public static class HtmlPage
{
    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Autograder.Reports.Html.report.css")
            ?? throw new InvalidOperationException("The report stylesheet is not embedded in Autograder.Reports.dll; rebuild the project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// What the page may load or run: nothing but its own inline stylesheet, data-URI images and the plots' data-URI font. No
    /// script runs, whatever a write-up holds, and nothing is fetched from the network.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The page: the title heading, then the subtitle and the table of contents, then the rest of the report. A page with plots carries their font.</summary>
    /// <param name="title">The title (browser tab and heading).</param>
    /// <param name="subtitle">A line under the title (what was graded); may be empty.</param>
    /// <param name="tableOfContents">The <c>&lt;nav&gt;</c> element, or empty.</param>
    /// <param name="body">The rendered report.</param>
    public static string Build(string title, string subtitle, string tableOfContents, string body) => Build(title, subtitle, tableOfContents, body, wide: false);

    /// <summary>Like <see cref="Build(string, string, string, string)"/>; a <paramref name="wide"/> page uses the window's width (wide tables such as a class's heatmap).</summary>
    /// <param name="title">The title (browser tab and heading).</param>
    /// <param name="subtitle">A line under the title (what was graded); may be empty.</param>
    /// <param name="tableOfContents">The <c>&lt;nav&gt;</c> element, or empty.</param>
    /// <param name="body">The rendered report.</param>
    /// <param name="wide">Whether the page may be wider than a readable measure of text.</param>
    public static string Build(string title, string subtitle, string tableOfContents, string body, bool wide)
    {
        ArgumentNullException.ThrowIfNull(body);
        var end = body.StartsWith("<h1", StringComparison.Ordinal) ? body.IndexOf("</h1>", StringComparison.Ordinal) : -1;
        var heading = end < 0 ? "" : body[..(end + "</h1>".Length)] + "\n";
        var rest = end < 0 ? body : body[(end + "</h1>".Length)..].TrimStart('\n');
        var font = body.Contains($"font-family=\"{PlotFont.Family}", StringComparison.Ordinal) ? PlotFont.CssFontFace : "";
        var lead = subtitle.Length > 0 ? $"<p class=\"subtitle\">{WebUtility.HtmlEncode(subtitle)}</p>\n" : "";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Autograder">
            <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>
            {font}{Stylesheet.Value}</style>
            </head>
            <body{(wide ? " class=\"wide\"" : "")}>
            <main>
            {heading}{lead}{tableOfContents}{rest}</main>
            </body>
            </html>

            """;
    }
}
