using System.Text;

namespace Autograder.Reports.Placeholders;

/// <summary>
/// A parsed <c>{{ kind target flag key="value" … }}</c>: what a template asks to be filled in from the results
/// (<c>{{ metric a1.two_layer_mnist.test_accuracy percent }}</c>, <c>{{ plot a1.two_layer_mnist series=loss }}</c>).
/// </summary>
/// <param name="Kind">metric, fact, metrics, table, compare, plot, heatmap, histogram, image, gallery or scores.</param>
/// <param name="Target">The experiment id, optionally followed by a name (<c>a2.fashion_cnn_sweep.sweep</c>); empty when there is none.</param>
/// <param name="Flags">Bare words after the target (<c>percent</c>, <c>logy</c>, <c>bars</c>).</param>
/// <param name="Options">Named values (<c>caption="Loss per iteration"</c>).</param>
public sealed record Placeholder(string Kind, string Target, IReadOnlySet<string> Flags, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>The kinds that stand for a whole block (a table, a figure) and must be alone in their paragraph.</summary>
    public static readonly IReadOnlySet<string> BlockKinds = new HashSet<string>(StringComparer.Ordinal) { "metrics", "table", "compare", "plot", "heatmap", "histogram", "image", "gallery", "scores" };

    /// <summary>The kinds that fill in a word or number inside a sentence.</summary>
    public static readonly IReadOnlySet<string> InlineKinds = new HashSet<string>(StringComparer.Ordinal) { "metric", "fact" };

    /// <summary>Gets whether this placeholder stands for a block.</summary>
    public bool IsBlock => BlockKinds.Contains(Kind);

    /// <summary>Gets the experiment id: the target's first two dot-separated parts (<c>a1.two_layer_mnist</c>).</summary>
    public string Experiment => Split().Experiment;

    /// <summary>Gets the name within the experiment: the rest of the target after the id, which may itself hold dots (<c>validation_accuracy_lr0.01</c>).</summary>
    public string Name => Split().Name;

    /// <summary>An option's value, or <paramref name="fallback"/>.</summary>
    public string Option(string key, string fallback = "") => Options.TryGetValue(key, out var value) ? value : fallback;

    /// <summary>A list option split at <c>|</c> (<c>series="loss|train_accuracy"</c>); empty when absent.</summary>
    public IReadOnlyList<string> ListOption(string key) =>
        Options.TryGetValue(key, out var value) ? [.. value.Split('|').Select(v => v.Trim())] : [];

    /// <summary>Parses the text between <c>{{</c> and <c>}}</c>.</summary>
    /// <exception cref="FormatException">The text is empty, has an unknown kind or an unclosed quote; the message says what is expected.</exception>
    public static Placeholder Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenize(text);
        if (tokens.Count == 0 || tokens[0].Key is not null)
        {
            throw new FormatException($"'{{{{{text}}}}}' names no kind; write {{{{ KIND TARGET … }}}} with KIND one of {string.Join(", ", InlineKinds.Concat(BlockKinds))}.");
        }

        var kind = tokens[0].Value;
        if (!InlineKinds.Contains(kind) && !BlockKinds.Contains(kind))
        {
            throw new FormatException($"'{kind}' is not a placeholder kind; the kinds are {string.Join(", ", InlineKinds.Concat(BlockKinds))}.");
        }

        var rest = tokens.Skip(1).ToList();
        var target = rest.Where(t => t.Key is null && t.Value.Contains('.', StringComparison.Ordinal)).Select(t => t.Value).FirstOrDefault() ?? "";
        if (kind is "scores" or "compare" && target.Length == 0 && rest.Where(t => t.Key is null).Select(t => t.Value).FirstOrDefault() is { } prefix)
        {
            target = prefix; // {{ scores a1 }}, {{ compare a5 … }}: an assignment, no dot
        }

        var flags = rest.Where(t => t.Key is null && t.Value != target).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in rest.Where(t => t.Key is not null))
        {
            options[token.Key!] = token.Value;
        }

        if (flags.FirstOrDefault(f => !AllowsFlag(kind, f)) is { } flag)
        {
            throw new FormatException($"'{flag}' means nothing in {{{{ {kind} … }}}}; {Usage(kind)}");
        }

        if (flags.Count(ValueFormat.IsFormat) > 1)
        {
            throw new FormatException($"'{{{{{text}}}}}' names {string.Join(" and ", flags.Where(ValueFormat.IsFormat))}; give one number format.");
        }

        if (options.Keys.FirstOrDefault(k => !Allowed[kind].Contains(k)) is { } option)
        {
            throw new FormatException($"'{option}=' means nothing in {{{{ {kind} … }}}}; {Usage(kind)}");
        }

        if (kind is not ("scores" or "compare") && target.Length == 0)
        {
            throw new FormatException($"'{{{{{text}}}}}' names no experiment; write {{{{ {kind} EXPERIMENT.NAME … }}}}, e.g. {{{{ {kind} a1.two_layer_mnist.test_accuracy }}}}.");
        }

        return new Placeholder(kind, target, flags, options);
    }

    /// <summary>The named values each kind accepts.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["metric"] = ["format"],
        ["fact"] = [],
        ["metrics"] = ["caption"],
        ["table"] = ["caption", "columns", "formats", "best"],
        ["compare"] = ["experiments", "metrics", "labels", "columns", "formats", "best", "lowest", "caption"],
        ["plot"] = ["caption", "series", "labels", "title", "xlabel", "ylabel", "x", "y", "smooth", "format"],
        ["heatmap"] = ["caption", "title", "xlabel", "ylabel", "label", "rows", "columns", "format"],
        ["histogram"] = ["caption", "title", "xlabel", "ylabel", "bins"],
        ["image"] = ["caption", "width", "alt"],
        ["gallery"] = ["caption", "columns", "width"],
        ["scores"] = ["caption"],
    };

    private static bool AllowsFlag(string kind, string flag) => kind switch
    {
        "metric" => ValueFormat.IsFormat(flag),
        "plot" => flag is "logx" or "logy" or "bars",
        _ => false,
    };

    private static string Usage(string kind) => kind switch
    {
        "metric" => "write {{ metric EXPERIMENT.NAME [percent|int|fN|eN] }}.",
        "compare" => "write {{ compare experiments=\"ID|ID\" metrics=\"NAME|NAME\" [labels=\"A|B\"] [columns=\"Model|…\"] [formats=\"percent|int\"] [best=NAME | lowest=NAME] [caption=…] }}.",
        "plot" => "write {{ plot EXPERIMENT series=\"a|b\" [labels=\"A|B\"] [logx] [logy] [smooth=N] … }} or {{ plot EXPERIMENT.TABLE x=COLUMN y=COLUMN [bars] … }}.",
        "heatmap" => "write {{ heatmap EXPERIMENT.TABLE [rows=\"A|B\"] [columns=\"X|Y\"] [label=…] [format=percent|int|fN|eN] [title=…] [xlabel=…] [ylabel=…] [caption=…] }}.",
        "histogram" => "write {{ histogram EXPERIMENT.SERIES [bins=N] [title=…] [xlabel=…] [ylabel=…] [caption=…] }}.",
        _ => $"it accepts {(Allowed[kind].Length == 0 ? "no options" : string.Join(", ", Allowed[kind].Select(o => o + "=")))}.",
    };

    private (string Experiment, string Name) Split()
    {
        var first = Target.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : Target.IndexOf('.', first + 1);
        return second < 0 ? (Target, "") : (Target[..second], Target[(second + 1)..]);
    }

    /// <summary>Words, <c>"quoted words"</c>, <c>key=value</c> and <c>key="quoted value"</c>, separated by white space.</summary>
    private static List<(string? Key, string Value)> Tokenize(string text)
    {
        var tokens = new List<(string? Key, string Value)>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                return tokens;
            }

            string? key = null;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '=' and not '"')
            {
                i++;
            }

            if (i < text.Length && text[i] == '=')
            {
                key = text[start..i];
                start = ++i;
            }

            if (i < text.Length && text[i] == '"')
            {
                tokens.Add((key, Quoted(text, ref i)));
                continue;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            tokens.Add((key, text[start..i]));
        }
    }

    private static string Quoted(string text, ref int i)
    {
        var value = new StringBuilder();
        for (i++; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
            {
                value.Append(text[++i]);
            }
            else if (text[i] == '"')
            {
                i++;
                return value.ToString();
            }
            else
            {
                value.Append(text[i]);
            }
        }

        throw new FormatException($"A quoted value in '{{{{{text}}}}}' has no closing \".");
    }
}
