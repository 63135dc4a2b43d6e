using System.Text;

namespace Autograder.Reports.Fragments;

/// <summary>Words or a number inside a sentence (a metric, a fact).</summary>
/// <param name="text">The text, unescaped.</param>
public sealed class TextFragment(string text) : Fragment
{
    /// <summary>Gets the text.</summary>
    public string Text { get; } = text;

    /// <inheritdoc/>
    public override bool IsBlock => false;

    /// <inheritdoc/>
    public override void WriteHtml(StringBuilder html, Numbering numbering) => html.Append(Escape(Text));

    /// <inheritdoc/>
    public override string ToMarkdown(MarkdownAssets assets, Numbering numbering) => EscapeMarkdown(Text);
}
