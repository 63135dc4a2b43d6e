using System.Globalization;

namespace Autograder.Data.Readers;

/// <summary>Reads "label sentence" lines (SST-2's <c>stsa.binary.*</c>): an integer label, a space, a tokenised sentence.</summary>
public static class LabeledSentences
{
    /// <summary>Reads every (label, sentence) pair, lower-casing nothing; blank lines are skipped.</summary>
    public static IReadOnlyList<(int Label, string Sentence)> Read(string path)
    {
        var result = new List<(int, string)>();
        var number = 0;
        foreach (var line in TextLines.Read(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !int.TryParse(line.AsSpan(0, space), NumberStyles.Integer, CultureInfo.InvariantCulture, out var label))
            {
                throw new DataFormatException($"Sentences {path}, line {number}: expected '<label> <sentence>'; got '{Truncate(line)}'.");
            }

            result.Add((label, line[(space + 1)..]));
        }

        return result;
    }

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
