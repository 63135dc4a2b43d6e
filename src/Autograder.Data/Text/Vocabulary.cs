namespace Autograder.Data.Text;

/// <summary>A token ↔ id mapping built from a corpus: special tokens first, then tokens by descending frequency (ties by first appearance).</summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly List<string> _tokens;

    private Vocabulary(List<string> tokens, string unknown)
    {
        _tokens = tokens;
        _ids = tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        UnknownId = _ids[unknown];
    }

    /// <summary>Gets the default special tokens: padding, unknown, start and end of sequence.</summary>
    public static IReadOnlyList<string> DefaultSpecials { get; } = ["<pad>", "<unk>", "<start>", "<end>"];

    /// <summary>Gets the number of tokens.</summary>
    public int Count => _tokens.Count;

    /// <summary>Gets the id that unknown tokens map to.</summary>
    public int UnknownId { get; }

    /// <summary>Gets the tokens, by id.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>Builds a vocabulary from tokenised sentences, keeping tokens seen at least <paramref name="minFrequency"/> times.</summary>
    /// <param name="sentences">The corpus.</param>
    /// <param name="minFrequency">The least count a token needs.</param>
    /// <param name="specials">Special tokens, given ids 0, 1, … in order (default: <see cref="DefaultSpecials"/>).</param>
    /// <param name="unknown">The special token that stands for unknown words (must be among the specials).</param>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> sentences, int minFrequency = 1, IReadOnlyList<string>? specials = null, string unknown = "<unk>")
    {
        ArgumentNullException.ThrowIfNull(sentences);
        specials ??= DefaultSpecials;
        if (!specials.Contains(unknown))
        {
            throw new ArgumentException($"Vocabulary: the unknown token '{unknown}' must be one of the specials [{string.Join(", ", specials)}].", nameof(unknown));
        }

        var counts = new Dictionary<string, (int Count, int First)>();
        var position = 0;
        foreach (var sentence in sentences)
        {
            foreach (var token in sentence)
            {
                counts[token] = counts.TryGetValue(token, out var c) ? (c.Count + 1, c.First) : (1, position++);
            }
        }

        var tokens = specials.ToList();
        tokens.AddRange(counts.Where(kv => kv.Value.Count >= minFrequency && !specials.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).Select(kv => kv.Key));
        return new Vocabulary(tokens, unknown);
    }

    /// <summary>Returns a token's id (the unknown id for unseen tokens).</summary>
    public int this[string token] => _ids.TryGetValue(token, out var id) ? id : UnknownId;

    /// <summary>Returns whether the token has its own id.</summary>
    public bool Contains(string token) => _ids.ContainsKey(token);

    /// <summary>Maps tokens to ids.</summary>
    public long[] Encode(IEnumerable<string> tokens) => [.. tokens.Select(t => (long)this[t])];

    /// <summary>Maps ids to tokens.</summary>
    public string[] Decode(IEnumerable<long> ids) => [.. ids.Select(i => i >= 0 && i < _tokens.Count ? _tokens[(int)i] : _tokens[UnknownId])];
}
