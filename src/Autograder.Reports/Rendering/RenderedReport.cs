namespace Autograder.Reports.Rendering;

/// <summary>A rendered report: the same content as GitHub Markdown and as one self-contained HTML page.</summary>
/// <param name="Title">The title (front matter's <c>title</c>, else the first heading).</param>
/// <param name="Markdown">The Markdown: placeholders filled, math left as <c>$…$</c>, figures linked from the assets folder.</param>
/// <param name="Html">The HTML page: CSS, SVG, PNG and MathML inline.</param>
/// <param name="Problems">One line per marker written ("not run: …", "report error: …").</param>
/// <param name="Referenced">The experiments the placeholders asked for.</param>
/// <param name="FrontMatter">The template's front matter.</param>
public sealed record RenderedReport(string Title, string Markdown, string Html, IReadOnlyList<string> Problems, IReadOnlySet<string> Referenced, FrontMatter FrontMatter);
