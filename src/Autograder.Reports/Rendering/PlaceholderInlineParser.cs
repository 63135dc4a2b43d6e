using Markdig.Helpers;
using Markdig.Parsers;

namespace Autograder.Reports.Rendering;

/// <summary>Parses <c>{{ … }}</c> on one line into a <see cref="PlaceholderInline"/>; a <c>{{</c> with no <c>}}</c> on its line stays text.</summary>
public sealed class PlaceholderInlineParser : InlineParser
{
    /// <summary>Initializes a new instance of the <see cref="PlaceholderInlineParser"/> class.</summary>
    public PlaceholderInlineParser() => OpeningCharacters = ['{'];

    /// <inheritdoc/>
    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        ArgumentNullException.ThrowIfNull(processor);
        if (slice.PeekChar() != '{')
        {
            return false;
        }

        var text = slice.Text;
        var end = text.IndexOf("}}", slice.Start + 2, slice.End - slice.Start - 1, StringComparison.Ordinal);
        var newline = text.IndexOf('\n', slice.Start, slice.End - slice.Start + 1);
        if (end < 0 || (newline >= 0 && newline < end))
        {
            return false;
        }

        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        var length = end + 2 - slice.Start;
        processor.Inline = new PlaceholderInline(text[(slice.Start + 2)..end].Trim())
        {
            Span = new Markdig.Syntax.SourceSpan(start, start + length - 1),
            Line = line,
            Column = column,
        };
        slice.Start = end + 2;
        return true;
    }
}
