using System.Text;

namespace Autograder.Reports.Fragments;

/// <summary>What a placeholder becomes: the same content written as HTML (self-contained) or as GitHub Markdown (assets beside it).</summary>
public abstract class Fragment
{
    /// <summary>Gets whether the fragment is a block (a table, a figure) rather than words inside a sentence.</summary>
    public abstract bool IsBlock { get; }

    /// <summary>Appends the HTML: images inline as data URIs, SVG inline.</summary>
    /// <param name="html">Where to write.</param>
    /// <param name="numbering">Figure and table numbers, in document order.</param>
    public abstract void WriteHtml(StringBuilder html, Numbering numbering);

    /// <summary>The Markdown: images written as files through <paramref name="assets"/> and linked.</summary>
    /// <param name="assets">Where figures are saved.</param>
    /// <param name="numbering">Figure and table numbers, in document order.</param>
    public abstract string ToMarkdown(MarkdownAssets assets, Numbering numbering);

    /// <summary>HTML-escapes text.</summary>
    protected static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>Escapes the characters that would start Markdown syntax in table cells and captions.</summary>
    protected static string EscapeMarkdown(string text) =>
        new StringBuilder(text).Replace("\\", "\\\\").Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("[", "\\[").Replace("<", "&lt;").ToString();

    /// <summary>The caption line under a figure or over a table: "Figure 2: …".</summary>
    protected static string Caption(string label, int number, string caption) =>
        caption.Length == 0 ? $"{label} {number}" : $"{label} {number}: {caption}";
}

/// <summary>Counts figures and tables as a document renders, so captions read "Figure 1", "Table 2" in order.</summary>
public sealed class Numbering
{
    private int _figures;
    private int _tables;

    /// <summary>The next figure's number.</summary>
    public int NextFigure() => ++_figures;

    /// <summary>The next table's number.</summary>
    public int NextTable() => ++_tables;
}
