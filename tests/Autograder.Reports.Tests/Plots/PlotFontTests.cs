using Autograder.Reports.Plots.Fonts;
using SkiaSharp;

namespace Autograder.Reports.Tests.Plots;

public sealed class PlotFontTests
{
    [Test]
    public void Plots_resolve_the_shipped_inter_regular_whatever_the_machine_has()
    {
        PlotFont.EnsureRegistered();
        var typeface = ScottPlot.Fonts.GetTypeface(PlotFont.Family, bold: false, italic: false);
        Assert.That(typeface.FamilyName, Is.EqualTo("Inter"));
        Assert.That(ScottPlot.Fonts.GetTypeface(PlotFont.Family, bold: true, italic: false).FamilyName, Is.EqualTo("Inter"), "one face for every weight");
    }

    [Test]
    public void The_page_gets_the_same_font_as_a_truetype_data_uri()
    {
        var css = PlotFont.CssFontFace;
        Assert.That(css, Does.StartWith("@font-face { font-family: \"Inter\"; src: url(data:font/ttf;base64,"));
        var base64 = css[(css.IndexOf("base64,", StringComparison.Ordinal) + 7)..css.IndexOf(')', StringComparison.Ordinal)];
        var ttf = Convert.FromBase64String(base64);
        Assert.That(ttf[..4], Is.EqualTo(new byte[] { 0, 1, 0, 0 }), "a TrueType font");
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(ttf));
        Assert.That((typeface.FamilyName, typeface.FontWeight), Is.EqualTo(("Inter", 400)));
    }

    [Test]
    public void The_font_licence_ships_beside_the_library()
    {
        var licence = Path.Combine(AppContext.BaseDirectory, "Inter-LICENSE.txt");
        Assert.That(File.ReadAllText(licence), Does.Contain("SIL Open Font License, Version 1.1").And.Contain("The Inter Project Authors"));
    }
}
