using System.Globalization;

namespace Autograder.Data.Readers;

/// <summary>Reads the Flickr8k subset's <c>captions.tsv.gz</c>: a header, then "image TAB caption_index TAB caption" lines.</summary>
public static class CaptionsTable
{
    /// <summary>Reads the captions grouped by image, in file order.</summary>
    public static IReadOnlyList<(string Image, IReadOnlyList<string> Captions)> Read(string path)
    {
        var groups = new List<(string Image, List<string> Captions)>();
        var index = new Dictionary<string, int>();
        var number = 0;
        foreach (var line in TextLines.Read(path))
        {
            if (number++ == 0 && line.StartsWith("image\t", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                throw new DataFormatException($"Captions {path}, line {number}: expected 'image<TAB>index<TAB>caption'.");
            }

            if (!index.TryGetValue(parts[0], out var g))
            {
                index[parts[0]] = g = groups.Count;
                groups.Add((parts[0], []));
            }

            groups[g].Captions.Add(parts[2]);
        }

        return [.. groups.Select(g => (g.Image, (IReadOnlyList<string>)g.Captions))];
    }
}
