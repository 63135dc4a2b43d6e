using System.Text.RegularExpressions;

namespace Autograder.Data.Text;

/// <summary>
/// Tokenises raw sentences for translation (Multi30k): lower-cased, every run of letters and digits one token, every other
/// non-space character (punctuation, hyphens, apostrophes) a token of its own.
/// </summary>
/// <remarks>
/// The course's PyTorch version used spaCy's German and English tokenisers. This rule agrees with them on most of Multi30k
/// (words, sentence-final full stops, commas) and differs on contractions and abbreviations: "man's" is "man ' s" here and
/// "man 's" for spaCy, and "st." is "st ." here. Vocabularies and perplexities are therefore close to, not equal to, the
/// assignment's.
/// </remarks>
public static partial class TranslationTokenizer
{
    /// <summary>Splits one sentence into lower-case tokens.</summary>
    public static string[] Split(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return [.. Token().Matches(sentence.ToLowerInvariant()).Select(m => m.Value)];
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
