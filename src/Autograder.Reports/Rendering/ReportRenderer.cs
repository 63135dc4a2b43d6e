using System.Text;
using Autograder.Reports.Fragments;
using Autograder.Reports.Html;
using Autograder.Reports.Placeholders;
using Autograder.Reports.Results;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Autograder.Reports.Rendering;

/// <summary>
/// Renders a report template (front matter, Markdown, <c>$…$</c> math, <c>{{ … }}</c> placeholders) filled from saved results,
/// as GitHub Markdown and as a self-contained HTML page.
/// </summary>
/// <remarks>
/// Markdig parses the template once with precise source positions. Placeholders alone in a paragraph become blocks (tables,
/// figures). The Markdown output is the template's own text with each placeholder's span replaced, so everything else
/// (math included) is kept byte for byte; the HTML output renders math as MathML and inlines every figure.
/// </remarks>
public static class ReportRenderer
{
    /// <summary>Gets the Markdig pipeline: front matter, pipe tables, footnotes, figures, math, heading anchors, placeholders; raw HTML is escaped.</summary>
    public static MarkdownPipeline Pipeline { get; } = BuildPipeline();

    /// <summary>Renders <paramref name="source"/> with values from <paramref name="results"/>.</summary>
    /// <param name="source">The template's Markdown.</param>
    /// <param name="results">The saved results.</param>
    /// <param name="options">Where relative images are read and the Markdown's figures written.</param>
    public static RenderedReport Render(string source, ResultSet results, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        source = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Markdown.Parse(source, Pipeline);
        Promote(document);
        var resolver = new PlaceholderResolver(results);
        var fragments = new Dictionary<PlaceholderInline, Fragment>();
        foreach (var node in document.Descendants())
        {
            if (node is PlaceholderBlock block)
            {
                fragments[block.Placeholder] = resolver.Resolve(block.Placeholder.Text, standsAlone: true);
            }
            else if (node is PlaceholderInline inline)
            {
                fragments[inline] = resolver.Resolve(inline.Text, standsAlone: false);
            }
        }

        var images = LocalImages(document, options.SourceDirectory, resolver.Problems);
        var frontMatter = FrontMatter.From(document);
        var markdown = ToMarkdown(source, document, fragments, images, options);
        var title = frontMatter.Get("title", document.Descendants<HeadingBlock>().FirstOrDefault() is { } heading ? PlainText(heading) : "Report");
        var html = HtmlPage.Build(title, options.Subtitle, TableOfContents.Build(document, RenderInline), RenderBody(document, fragments, images));
        return new RenderedReport(title, markdown, html, resolver.Problems, resolver.Referenced, frontMatter);

        string RenderInline(ContainerInline inline)
        {
            using var writer = new StringWriter();
            var renderer = Configure(new HtmlRenderer(writer), fragments);
            renderer.WriteChildren(inline);
            writer.Flush();
            return writer.ToString();
        }
    }

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .UseFootnotes()
            .UseFigures()
            .UseMathematics()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePreciseSourceLocation()
            // Raw HTML is shown as text: a student's write-up must not run script (or load anything) when course staff open it.
            .DisableHtml();
        builder.InlineParsers.Add(new PlaceholderInlineParser());
        return builder.Build();
    }

    /// <summary>Turns each paragraph that holds nothing but one placeholder into a <see cref="PlaceholderBlock"/>.</summary>
    private static void Promote(MarkdownDocument document)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>().ToList())
        {
            var children = paragraph.Inline?.ToList() ?? [];
            var meaningful = children.Where(c => c is not LiteralInline literal || !literal.Content.IsEmptyOrWhitespace()).ToList();
            if (meaningful is [PlaceholderInline placeholder] && paragraph.Parent is { } parent)
            {
                placeholder.Remove();
                var index = parent.IndexOf(paragraph);
                parent.RemoveAt(index);
                parent.Insert(index, new PlaceholderBlock(placeholder) { Span = paragraph.Span, Line = paragraph.Line, Column = paragraph.Column });
            }
        }
    }

    /// <summary>Relative image links read from <paramref name="directory"/> (so the HTML can inline them); a missing file is a problem.</summary>
    private static Dictionary<LinkInline, (string Extension, byte[] Bytes)> LocalImages(MarkdownDocument document, string? directory, List<string> problems)
    {
        var images = new Dictionary<LinkInline, (string, byte[])>();
        if (directory is null)
        {
            return images;
        }

        foreach (var link in document.Descendants<LinkInline>().Where(l => l.IsImage && l.Url is { Length: > 0 } url && !url.Contains(':', StringComparison.Ordinal)))
        {
            var path = Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(link.Url!)));
            if (File.Exists(path))
            {
                images[link] = (Path.GetExtension(path).TrimStart('.').ToLowerInvariant(), File.ReadAllBytes(path));
            }
            else
            {
                problems.Add($"report error: the image {link.Url} is not at {path}.");
            }
        }

        return images;
    }

    private static string ToMarkdown(string source, MarkdownDocument document, Dictionary<PlaceholderInline, Fragment> fragments, Dictionary<LinkInline, (string Extension, byte[] Bytes)> images, ReportOptions options)
    {
        var assets = new MarkdownAssets(options.AssetsFolder, options.AssetsLink);
        var numbering = new Numbering();
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case YamlFrontMatterBlock front:
                    edits.Add((front.Span.Start, SkipNewlines(source, front.Span.End + 1), ""));
                    break;
                case PlaceholderBlock block:
                    edits.Add((block.Placeholder.Span.Start, block.Placeholder.Span.End + 1, fragments[block.Placeholder].ToMarkdown(assets, numbering)));
                    break;
                case PlaceholderInline inline:
                    edits.Add((inline.Span.Start, inline.Span.End + 1, fragments[inline].ToMarkdown(assets, numbering)));
                    break;
                case LinkInline link when images.TryGetValue(link, out var image) && !link.UrlSpan.IsEmpty:
                    edits.Add((link.UrlSpan.Start, link.UrlSpan.End + 1, assets.Save(image.Extension, image.Bytes)));
                    break;
            }
        }

        var markdown = new StringBuilder(source);
        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start))
        {
            markdown.Remove(start, end - start).Insert(start, text);
        }

        return markdown.ToString();
    }

    private static int SkipNewlines(string text, int position)
    {
        while (position < text.Length && text[position] == '\n')
        {
            position++;
        }

        return position;
    }

    private static string RenderBody(MarkdownDocument document, Dictionary<PlaceholderInline, Fragment> fragments, Dictionary<LinkInline, (string Extension, byte[] Bytes)> images)
    {
        foreach (var (link, (extension, bytes)) in images)
        {
            var mime = extension switch { "svg" => "image/svg+xml", "jpg" or "jpeg" => "image/jpeg", "gif" => "image/gif", "webp" => "image/webp", _ => "image/png" };
            link.Url = $"data:{mime};base64,{Convert.ToBase64String(bytes)}";
        }

        using var writer = new StringWriter();
        var renderer = Configure(new HtmlRenderer(writer), fragments);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static HtmlRenderer Configure(HtmlRenderer renderer, Dictionary<PlaceholderInline, Fragment> fragments)
    {
        Pipeline.Setup(renderer);
        var numbering = new Numbering();
        renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new MathMlInlineRenderer());
        renderer.ObjectRenderers.Replace<HtmlMathBlockRenderer>(new MathMlBlockRenderer());
        renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollingTableRenderer());
        renderer.ObjectRenderers.Insert(0, new PlaceholderBlockRenderer(fragments, numbering));
        renderer.ObjectRenderers.Insert(0, new PlaceholderInlineRenderer(fragments, numbering));
        return renderer;
    }

    private static string PlainText(HeadingBlock heading) =>
        string.Concat(heading.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []);
}
