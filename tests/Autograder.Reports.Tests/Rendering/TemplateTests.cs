using System.Text.RegularExpressions;
using Autograder.Reports.Rendering;
using Autograder.Reports.Results;

namespace Autograder.Reports.Tests.Rendering;

/// <summary>The course's report templates (reports/templates) parse, their math converts without errors, and without results every placeholder says "not run".</summary>
public sealed partial class TemplateTests
{
    private static IEnumerable<string> Templates()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Autograder.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null ? [] : Directory.EnumerateFiles(Path.Combine(directory.FullName, "reports", "templates"), "*.md").Order(StringComparer.Ordinal);
    }

    [TestCaseSource(nameof(Templates))]
    public void The_template_renders_with_every_formula_converted(string path)
    {
        var report = ReportRenderer.Render(File.ReadAllText(path), ResultSet.Empty("nowhere"), new ReportOptions());
        Assert.That(report.Html, Does.Not.Contain("<merror"), "every TeX command is known to the converter");
        Assert.That(MathSource().Matches(report.Html).Select(m => m.Value), Is.Empty, "no TeX left outside MathML");
        Assert.That(report.Problems.Where(p => !p.StartsWith("not run: ", StringComparison.Ordinal)), Is.Empty, "no mistakes in the placeholders");
        Assert.That(report.Problems, Is.Not.Empty, "without results the placeholders say not run");
        Assert.That(report.FrontMatter.Get("assignment"), Is.EqualTo(Path.GetFileNameWithoutExtension(path)));
        Assert.That(report.Html, Does.Contain("<nav class=\"toc\""));
    }

    /// <summary>A TeX command in the page's text (outside the MathML annotations, which keep the source on purpose).</summary>
    [GeneratedRegex(@"\\(frac|sum|partial|begin|mathbb)(?![^<]*</annotation>)")]
    private static partial Regex MathSource();
}
