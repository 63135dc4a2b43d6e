using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Autograder.Reports.Rendering;

/// <summary>A <c>{{ … }}</c> in the Markdown: its text, and where it stands in the source (for the Markdown output's splice).</summary>
/// <param name="text">What stands between the braces.</param>
public sealed class PlaceholderInline(string text) : LeafInline
{
    /// <summary>Gets the text between the braces.</summary>
    public string Text { get; } = text;
}

/// <summary>A placeholder alone in its paragraph, promoted to a block so a table or figure is not rendered inside a <c>&lt;p&gt;</c>.</summary>
/// <param name="placeholder">The placeholder it stands for.</param>
public sealed class PlaceholderBlock(PlaceholderInline placeholder) : LeafBlock(null)
{
    /// <summary>Gets the placeholder.</summary>
    public PlaceholderInline Placeholder { get; } = placeholder;
}
