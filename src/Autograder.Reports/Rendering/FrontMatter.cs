using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Autograder.Reports.Rendering;

/// <summary>A template's front matter: the <c>key: value</c> lines between <c>---</c> fences at the top (title, assignment).</summary>
/// <param name="Values">The values by key; quotes around a value are removed.</param>
public sealed record FrontMatter(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>A value, or <paramref name="fallback"/>.</summary>
    public string Get(string key, string fallback = "") => Values.TryGetValue(key, out var value) ? value : fallback;

    /// <summary>Reads the front matter of a parsed document (empty when it has none). Only flat <c>key: value</c> lines are read; others are ignored.</summary>
    public static FrontMatter From(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is { } block)
        {
            foreach (var line in block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && !char.IsWhiteSpace(line[0]))
                {
                    values[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"', '\'');
                }
            }
        }

        return new FrontMatter(values);
    }
}
