using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Autograder.Reports.Plots;

/// <summary>Turns ScottPlot's SVG document into an element to inline in HTML: deterministic, scalable, accessible, and with ids unique on a page.</summary>
internal static partial class ChartSvg
{
    /// <summary>The tidied SVG.</summary>
    /// <remarks>
    /// Skia's SVG canvas numbers clip paths from a process-wide counter (<c>cl_4</c>, <c>cl_1f</c>, …) and images per drawing
    /// (<c>img_0</c>), so the same chart drawn twice differs and two charts on one page could share an id. The ids are numbered
    /// in order and prefixed with a hash of the chart's content: the same chart gets the same ids, different charts different ones.
    /// </remarks>
    public static string Tidy(string document, string title)
    {
        var svg = document[document.IndexOf("<svg", StringComparison.Ordinal)..];
        var ids = Id().Matches(svg).Select(m => m.Value).Distinct().ToList();
        var numbered = Id().Replace(svg, m => "@" + (ids.IndexOf(m.Value) + 1));
        var prefix = "plot" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(numbered)))[..10] + "-";
        var renamed = numbered.Replace("\"@", "\"" + prefix, StringComparison.Ordinal).Replace("#@", "#" + prefix, StringComparison.Ordinal);
        var root = renamed.IndexOf('>', StringComparison.Ordinal);
        var label = title.Length > 0 ? $" aria-label=\"{SecurityElement.Escape(title)}\"" : "";
        var open = $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 {Chart.Width} {Chart.Height}\" width=\"100%\" role=\"img\"{label}>";
        return open + renamed[(root + 1)..].Replace("font-family=\"Inter\"", "font-family=\"Inter, sans-serif\"", StringComparison.Ordinal).TrimEnd() + "\n";
    }

    /// <summary>An id where it is defined or referenced (<c>id="…"</c>, <c>url(#…)</c>, <c>href="#…"</c>).</summary>
    [GeneratedRegex(@"(?<=id=""|url\(#|href=""#)[A-Za-z]+_[0-9a-f]+(?=["")])")]
    private static partial Regex Id();
}
