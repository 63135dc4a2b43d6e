using System.Security;
using System.Text;

namespace Autograder.Reports.MathMl;

/// <summary>
/// Converts the TeX math a write-up uses into MathML, which browsers render natively (offline, no script): letters and
/// numbers, sub- and superscripts, <c>\frac</c>, <c>\sqrt</c>, Greek letters, operators and relations, named functions,
/// <c>\text</c>, <c>\mathbb</c>, <c>\mathbf</c>, accents, <c>\left…\right</c>, spacing, and aligned lines.
/// </summary>
/// <remarks>
/// Unknown commands are shown as red text (<c>&lt;merror&gt;</c>) rather than dropped, so a typo is visible in the output;
/// unbalanced braces are closed at the end. Nesting depth is bounded by the input's braces.
/// </remarks>
public sealed class TexToMathMl
{
    private readonly string _tex;
    private int _position;

    private TexToMathMl(string tex) => _tex = tex;

    /// <summary>The MathML element for <paramref name="tex"/>.</summary>
    /// <param name="tex">The TeX source, without the dollar signs.</param>
    /// <param name="display">Whether it is a displayed (block) formula.</param>
    public static string Convert(string tex, bool display)
    {
        ArgumentNullException.ThrowIfNull(tex);
        var body = new TexToMathMl(tex).Row(closing: false);
        var source = SecurityElement.Escape(tex.Trim());
        return $"<math xmlns=\"http://www.w3.org/1998/Math/MathML\"{(display ? " display=\"block\"" : "")}><semantics><mrow>{body}</mrow><annotation encoding=\"application/x-tex\">{source}</annotation></semantics></math>";
    }

    /// <summary>Atoms with their scripts until the end or a closing brace (and, in an environment's cell, until <c>&amp;</c>, <c>\\</c> or <c>\end</c>).</summary>
    private string Row(bool closing, bool cell = false)
    {
        var row = new StringBuilder();
        while (SkipSpaces() && !(closing && Peek() == '}') && !(cell && AtCellEnd()))
        {
            row.Append(Scripted(Atom()));
        }

        if (closing && _position < _tex.Length)
        {
            _position++; // the closing brace
        }

        return row.ToString();
    }

    /// <summary>Attaches _ and ^ (and primes) that follow an atom.</summary>
    private string Scripted(string baseAtom)
    {
        string? sub = null, sup = null;
        while (SkipSpaces() && Peek() is '_' or '^' or '\'')
        {
            var c = _tex[_position++];
            if (c == '\'')
            {
                sup = (sup ?? "") + "<mo>′</mo>";
            }
            else if (c == '_')
            {
                sub = Atom();
            }
            else
            {
                sup = (sup ?? "") + Atom();
            }
        }

        if (sub is null && sup is null)
        {
            return baseAtom;
        }

        // A named function ends with the invisible function application: scripts attach to the name, not to it.
        var suffix = baseAtom.EndsWith(FunctionApplication, StringComparison.Ordinal) ? FunctionApplication : "";
        var core = baseAtom[..^suffix.Length];
        if (LimitsBelow(core) is { } limits)
        {
            // Σ, Π, max, lim: limits under and over in display style, beside in text style (movablelimits).
            return (sub, sup) switch
            {
                (not null, null) => $"<munder>{limits}<mrow>{sub}</mrow></munder>",
                (null, not null) => $"<mover>{limits}<mrow>{sup}</mrow></mover>",
                _ => $"<munderover>{limits}<mrow>{sub}</mrow><mrow>{sup}</mrow></munderover>",
            } + suffix;
        }

        return (sub, sup) switch
        {
            (not null, null) => $"<msub>{core}<mrow>{sub}</mrow></msub>",
            (null, not null) => $"<msup>{core}<mrow>{sup}</mrow></msup>",
            _ => $"<msubsup>{core}<mrow>{sub}</mrow><mrow>{sup}</mrow></msubsup>",
        } + suffix;
    }

    private const string FunctionApplication = "<mo>&#x2061;</mo>";

    /// <summary>The operator to put limits under, for a big operator or a limit-style function; null for anything else.</summary>
    private static string? LimitsBelow(string atom)
    {
        foreach (var symbol in (string[])["∑", "∏", "⋃", "⋂"])
        {
            if (atom == $"<mo>{symbol}</mo>")
            {
                return $"<mo movablelimits=\"true\">{symbol}</mo>";
            }
        }

        foreach (var name in (string[])["lim", "max", "min", "argmax", "argmin", "sup", "inf"])
        {
            if (atom == $"<mi mathvariant=\"normal\">{name}</mi>")
            {
                return $"<mo movablelimits=\"true\" lspace=\"0\" rspace=\"0\">{name}</mo>";
            }
        }

        return null;
    }

    /// <summary>One atom: a group, a command, a number, a letter or an operator.</summary>
    private string Atom()
    {
        if (!SkipSpaces())
        {
            return "";
        }

        var c = _tex[_position++];
        return c switch
        {
            '{' => $"<mrow>{Row(closing: true)}</mrow>",
            '\\' => Command(),
            '&' => "<mspace width=\"1em\"/>",
            _ when char.IsAsciiDigit(c) => Number(c),
            _ when char.IsLetter(c) => $"<mi>{c}</mi>",
            '-' => "<mo>−</mo>", // the minus sign, not a hyphen
            _ => $"<mo>{SecurityElement.Escape(c.ToString())}</mo>",
        };
    }

    private string Number(char first)
    {
        var number = new StringBuilder().Append(first);
        while (_position < _tex.Length)
        {
            if (char.IsAsciiDigit(_tex[_position]) || (_tex[_position] == '.' && _position + 1 < _tex.Length && char.IsAsciiDigit(_tex[_position + 1])))
            {
                number.Append(_tex[_position++]);
            }
            else if (At("{,}") && _position + 3 < _tex.Length && char.IsAsciiDigit(_tex[_position + 3]))
            {
                number.Append(','); // 4{,}640: a thousands separator, not a comma with space after it
                _position += 3;
            }
            else
            {
                break;
            }
        }

        return $"<mn>{number}</mn>";
    }

    private string Command()
    {
        var name = CommandName();
        return name switch
        {
            "frac" or "dfrac" or "tfrac" => $"<mfrac><mrow>{Atom()}</mrow><mrow>{Atom()}</mrow></mfrac>",
            "sqrt" => Sqrt(),
            "text" or "textrm" or "mathrm" => $"<mtext>{SecurityElement.Escape(RawArgument())}</mtext>",
            "operatorname" => $"<mi mathvariant=\"normal\">{SecurityElement.Escape(RawArgument())}</mi><mo>&#x2061;</mo>",
            "mathbb" => string.Concat(RawArgument().Select(ch => $"<mi>{(TexSymbols.BlackboardBold.TryGetValue(ch, out var bb) ? bb : ch.ToString())}</mi>")),
            "mathbf" or "boldsymbol" or "bm" => $"<mrow style=\"font-weight:bold\">{Atom()}</mrow>",
            "left" or "right" or "bigl" or "bigr" or "Bigl" or "Bigr" or "big" or "Big" => Delimiter(),
            "\\" => "<mspace linebreak=\"newline\"/>",
            "begin" => Environment(RawArgument()),
            "end" => Skip(RawArgument()),
            _ when TexSymbols.Accents.TryGetValue(name, out var accent) => $"<mover accent=\"true\"><mrow>{Atom()}</mrow><mo>{accent}</mo></mover>",
            _ when TexSymbols.Spaces.TryGetValue(name, out var width) => $"<mspace width=\"{width}\"/>",
            _ when TexSymbols.Identifiers.TryGetValue(name, out var identifier) => $"<mi>{identifier}</mi>",
            _ when TexSymbols.Operators.TryGetValue(name, out var op) => $"<mo>{SecurityElement.Escape(op)}</mo>",
            _ when TexSymbols.Functions.Contains(name) => $"<mi mathvariant=\"normal\">{name}</mi><mo>&#x2061;</mo>",
            _ => $"<merror><mtext>\\{SecurityElement.Escape(name)}</mtext></merror>",
        };
    }

    /// <summary>
    /// An environment as a table: <c>aligned</c>/<c>align</c> (cells alternately right- and left-aligned, so relations line up),
    /// <c>cases</c> (a left brace), <c>matrix</c>, <c>pmatrix</c>, <c>bmatrix</c>, <c>vmatrix</c>; rows end at <c>\\</c>, cells at <c>&amp;</c>.
    /// </summary>
    private string Environment(string name)
    {
        var rows = new List<List<string>> { new() };
        while (true)
        {
            rows[^1].Add(Row(closing: false, cell: true));
            if (Peek() == '&')
            {
                _position++;
            }
            else if (At("\\\\"))
            {
                _position += 2;
                rows.Add([]);
            }
            else
            {
                if (At("\\end"))
                {
                    _position += 4;
                    RawArgument();
                }

                break;
            }
        }

        if (rows.Count > 1 && rows[^1] is [""])
        {
            rows.RemoveAt(rows.Count - 1); // a trailing \\
        }

        var aligned = name.TrimEnd('*') is "aligned" or "align" or "gathered" or "split" or "eqnarray";
        var table = new StringBuilder(aligned ? "<mtable displaystyle=\"true\">" : "<mtable>");
        foreach (var row in rows)
        {
            table.Append("<mtr>");
            for (var c = 0; c < row.Count; c++)
            {
                var align = aligned ? (c % 2 == 0 ? "right" : "left") : name == "cases" ? "left" : "center";
                table.Append($"<mtd columnalign=\"{align}\" style=\"text-align:{align}\"><mrow>{row[c]}</mrow></mtd>");
            }

            table.Append("</mtr>");
        }

        table.Append("</mtable>");
        return name switch
        {
            "pmatrix" => $"<mrow><mo>(</mo>{table}<mo>)</mo></mrow>",
            "bmatrix" => $"<mrow><mo>[</mo>{table}<mo>]</mo></mrow>",
            "vmatrix" => $"<mrow><mo>|</mo>{table}<mo>|</mo></mrow>",
            "cases" => $"<mrow><mo>{{</mo>{table}</mrow>",
            _ => table.ToString(),
        };
    }

    private bool AtCellEnd() => Peek() == '&' || At("\\\\") || At("\\end");

    private bool At(string text) => string.CompareOrdinal(_tex, _position, text, 0, text.Length) == 0;

    private string Sqrt()
    {
        SkipSpaces();
        if (Peek() == '[')
        {
            var close = _tex.IndexOf(']', _position);
            var index = new TexToMathMl(_tex[(_position + 1)..(close < 0 ? _tex.Length : close)]).Row(closing: false);
            _position = close < 0 ? _tex.Length : close + 1;
            return $"<mroot><mrow>{Atom()}</mrow><mrow>{index}</mrow></mroot>";
        }

        return $"<msqrt>{Atom()}</msqrt>";
    }

    /// <summary>The delimiter after <c>\left</c> or <c>\right</c>; <c>.</c> is an invisible one.</summary>
    private string Delimiter()
    {
        SkipSpaces();
        if (Peek() == '.')
        {
            _position++;
            return "";
        }

        var atom = Atom();
        return atom.StartsWith("<mi>", StringComparison.Ordinal) ? $"<mo>{atom[4..^5]}</mo>" : atom;
    }

    /// <summary>A command's name: letters, or one non-letter character (<c>\,</c>, <c>\{</c>, <c>\\</c>).</summary>
    private string CommandName()
    {
        var start = _position;
        while (_position < _tex.Length && char.IsAsciiLetter(_tex[_position]))
        {
            _position++;
        }

        if (_position == start && _position < _tex.Length)
        {
            _position++;
        }

        return _tex[start.._position];
    }

    /// <summary>The text of a braced argument, unparsed (for <c>\text</c>, <c>\mathbb</c>, environment names).</summary>
    private string RawArgument()
    {
        SkipSpaces();
        if (Peek() != '{')
        {
            return _position < _tex.Length ? _tex[_position++].ToString() : "";
        }

        var (depth, start) = (0, _position + 1);
        for (; _position < _tex.Length; _position++)
        {
            depth += _tex[_position] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return _tex[start.._position++];
            }
        }

        return _tex[start..];
    }

    private static string Skip(string _) => "";

    private bool SkipSpaces()
    {
        while (_position < _tex.Length && char.IsWhiteSpace(_tex[_position]))
        {
            _position++;
        }

        return _position < _tex.Length;
    }

    private char Peek() => _position < _tex.Length ? _tex[_position] : '\0';
}
