namespace Homework.A6;

/// <summary>The ids every vocabulary of this assignment gives its special tokens, in torchtext's order.</summary>
public static class SpecialTokens
{
    /// <summary>The id of <c>&lt;unk&gt;</c>, the words the vocabulary does not hold.</summary>
    public const long Unknown = 0;

    /// <summary>The id of <c>&lt;pad&gt;</c>, which fills sentences up to the model's length; never counted in a loss.</summary>
    public const long Padding = 1;

    /// <summary>The id of <c>&lt;sos&gt;</c>, the first token of every sentence.</summary>
    public const long Start = 2;

    /// <summary>The id of <c>&lt;eos&gt;</c>, the token after a sentence's last word.</summary>
    public const long End = 3;
}
