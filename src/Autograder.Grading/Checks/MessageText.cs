using System.Text;

namespace Autograder.Grading.Checks;

/// <summary>
/// Makes a check's message safe for every place it goes (console, MSBuild diagnostics, results.json, junit.xml, summary.md):
/// line ends normalised to <c>\n</c>, other control characters and unpaired surrogates (invalid in XML, able to rewrite a
/// terminal or a Markdown document) shown as <c>\uXXXX</c>, and the length capped, since the text comes from student code.
/// </summary>
public static class MessageText
{
    /// <summary>The most characters a message keeps (about 4 KB: a message, a short trace, and room to spare).</summary>
    public const int MaxLength = 4000;

    /// <summary>Returns <paramref name="text"/> sanitised and cut to <see cref="MaxLength"/> characters, saying how much was cut.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(Math.Min(text.Length, MaxLength + 64));
        var i = 0;
        for (; i < text.Length && clean.Length < MaxLength; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // \r\n and a lone \r both end a line; a lone \r must not return to the line's start and overwrite it.
                clean.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\t')
            {
                clean.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or '\u2028' or '\u2029')
            {
                clean.Append(@"\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                clean.Append(c);
            }
        }

        return i < text.Length ? clean.Append(System.Globalization.CultureInfo.InvariantCulture, $"… ({text.Length - i:N0} more characters cut)").ToString() : clean.ToString();
    }
}
