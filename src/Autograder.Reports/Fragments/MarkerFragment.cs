using System.Text;

namespace Autograder.Reports.Fragments;

/// <summary>Why a placeholder could not be filled, shown where it stands: "not run" for a missing result, "report error" for a template mistake.</summary>
/// <param name="kind">Which of the two.</param>
/// <param name="message">What is missing or wrong, and what to do.</param>
/// <param name="block">Whether it stands for a block (a figure, a table).</param>
public sealed class MarkerFragment(MarkerKind kind, string message, bool block) : Fragment
{
    /// <summary>Gets which kind of marker this is.</summary>
    public MarkerKind Kind { get; } = kind;

    /// <summary>Gets the explanation.</summary>
    public string Message { get; } = message;

    /// <inheritdoc/>
    public override bool IsBlock { get; } = block;

    private string Label => Kind == MarkerKind.NotRun ? "not run" : "report error";

    private string CssClass => Kind == MarkerKind.NotRun ? "marker not-run" : "marker report-error";

    /// <inheritdoc/>
    public override void WriteHtml(StringBuilder html, Numbering numbering)
    {
        ArgumentNullException.ThrowIfNull(html);
        var tag = IsBlock ? "div" : "span";
        html.Append($"<{tag} class=\"{CssClass}\" role=\"note\"><strong>{Label}:</strong> {Escape(Message)}</{tag}>");
        html.Append(IsBlock ? "\n" : "");
    }

    /// <inheritdoc/>
    public override string ToMarkdown(MarkdownAssets assets, Numbering numbering) =>
        IsBlock ? $"> **⚠ {Label}:** {EscapeMarkdown(Message)}" : $"**⚠ {Label}:** {EscapeMarkdown(Message)}";
}

/// <summary>The two reasons a placeholder shows a marker.</summary>
public enum MarkerKind
{
    /// <summary>The result is not there (the experiment was not run, or crashed).</summary>
    NotRun,

    /// <summary>The placeholder itself is wrong (unknown name, bad syntax).</summary>
    Error,
}
