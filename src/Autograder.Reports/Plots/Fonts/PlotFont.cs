using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Autograder.Reports.Plots.Fonts;

/// <summary>
/// The one typeface every plot is drawn in: Inter Regular (SIL Open Font License 1.1), shipped with the product, so text
/// widths, layout and bytes do not depend on the fonts a machine happens to have (a bare CI image has none).
/// </summary>
/// <remarks>
/// The TTF comes from the Avalonia.Fonts.Inter package, whose assembly is copied beside this library (see the project file).
/// Avalonia keeps its assets in one manifest resource, <c>!AvaloniaResources</c>: an index length, then the index (a format
/// version, an entry count and per entry a length-prefixed path, an offset and a size), then the files. Reading the resource
/// is done through the file's metadata: the assembly is never loaded and none of its code (or Avalonia's) runs.
/// </remarks>
internal static class PlotFont
{
    /// <summary>The family name plots ask ScottPlot for and the SVG's text elements name.</summary>
    public const string Family = "Inter";

    private const string AssemblyFile = "Avalonia.Fonts.Inter.dll";
    private const string FontPath = "/Assets/Inter-Regular.ttf";

    private static readonly Lazy<byte[]> Ttf = new(Load);
    private static readonly Lazy<bool> Registration = new(Register);
    private static readonly Lazy<string> FontFace = new(() =>
        $"@font-face {{ font-family: \"{Family}\"; src: url(data:font/ttf;base64,{Convert.ToBase64String(Ttf.Value)}) format(\"truetype\"); }}\n");

    /// <summary>Gets the CSS rule that gives an HTML page the font from a data URI (the SVG plots inline in it name it).</summary>
    public static string CssFontFace => FontFace.Value;

    /// <summary>Makes ScottPlot resolve <see cref="Family"/> to the shipped typeface (once per process).</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    private static bool Register()
    {
        var typeface = SKTypeface.FromData(SKData.CreateCopy(Ttf.Value))
            ?? throw new InvalidOperationException($"SkiaSharp could not read {FontPath} from {AssemblyFile} as a font.");
        ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver(typeface));
        ScottPlot.Fonts.Default = Family; // text plottables added after a plot's Font.Set (labels, annotations) use it too
        return true;
    }

    private static byte[] Load()
    {
        var directory = Path.GetDirectoryName(typeof(PlotFont).Assembly.Location) is { Length: > 0 } d ? d : AppContext.BaseDirectory;
        var file = Path.Combine(directory, AssemblyFile);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"The plots' font ({AssemblyFile}, from the Avalonia.Fonts.Inter package) is not beside Autograder.Reports.dll in {directory}; run `dotnet build` so it is copied there.", file);
        }

        using var resources = new MemoryStream(AvaloniaResources(file));
        using var reader = new BinaryReader(resources, Encoding.UTF8);
        var indexLength = reader.ReadInt32();
        var dataStart = resources.Position + indexLength;
        _ = reader.ReadInt32(); // the index format's version
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var (path, offset, size) = (reader.ReadString(), reader.ReadInt32(), reader.ReadInt32());
            if (path == FontPath)
            {
                resources.Position = dataStart + offset;
                return reader.ReadBytes(size);
            }
        }

        throw new InvalidDataException($"{file} does not hold {FontPath}.");
    }

    /// <summary>The bytes of the assembly's <c>!AvaloniaResources</c> manifest resource, read from the file's metadata (the assembly is not loaded).</summary>
    private static byte[] AvaloniaResources(string file)
    {
        using var pe = new PEReader(File.OpenRead(file));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) == "!AvaloniaResources" && resource.Implementation.IsNil)
            {
                var section = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
                var blob = section.GetReader((int)resource.Offset, section.Length - (int)resource.Offset);
                return blob.ReadBytes(blob.ReadInt32());
            }
        }

        throw new InvalidDataException($"{file} has no !AvaloniaResources resource; it is not the Avalonia.Fonts.Inter assembly the project pins.");
    }

    /// <summary>Answers <see cref="Family"/> in every weight and slant with the one shipped face; other names fall through to ScottPlot's resolvers.</summary>
    private sealed class Resolver(SKTypeface typeface) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => Answer(fontName);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Answer(fontName);

        private SKTypeface? Answer(string fontName) => string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? typeface : null;
    }
}
