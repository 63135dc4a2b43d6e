namespace Autograder.Data.Text;

/// <summary>Whitespace tokenising, optionally lower-cased (the course's data sets are already tokenised with spaces).</summary>
public static class Tokenizer
{
    /// <summary>Splits on runs of whitespace.</summary>
    public static string[] Split(string text, bool lowerCase = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = lowerCase ? text.ToLowerInvariant() : text;
        return source.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }
}
