namespace Autograder.Reports.Rendering;

/// <summary>Where a report's inputs and outputs are.</summary>
public sealed record ReportOptions
{
    /// <summary>Gets the folder relative image links in the Markdown are read from (the template's or write-up's folder); null to leave them alone.</summary>
    public string? SourceDirectory { get; init; }

    /// <summary>Gets the folder the Markdown output's figures are written to (<c>reports/out/a1_files</c>); null to write none.</summary>
    public string? AssetsFolder { get; init; }

    /// <summary>Gets how the Markdown output links that folder (its name relative to the .md file).</summary>
    public string AssetsLink { get; init; } = "figures";

    /// <summary>Gets a line shown under the HTML page's title (what was graded, from which results).</summary>
    public string Subtitle { get; init; } = "";
}
