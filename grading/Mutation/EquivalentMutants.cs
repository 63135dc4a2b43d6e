using System.Text.RegularExpressions;

namespace Autograder.Host.Mutation;

/// <summary>
/// The reviewed list of mutants that no check can or should kill (stryker/equivalent-mutants.tsv): each a file, the code
/// replaced, its replacement and a one-line reason. Keyed by code, not line numbers, so it survives edits elsewhere in a file.
/// </summary>
internal sealed partial class EquivalentMutants
{
    private readonly Dictionary<(string File, string Original, string Replacement), string> _reasons;

    private EquivalentMutants(Dictionary<(string, string, string), string> reasons) => _reasons = reasons;

    /// <summary>Gets an empty list.</summary>
    public static EquivalentMutants None { get; } = new([]);

    /// <summary>Reads the list: tab-separated <c>file original replacement reason</c>, '#' starting a comment line.</summary>
    /// <exception cref="InvalidDataException">A line has not four fields or no reason.</exception>
    public static EquivalentMutants Load(string path)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        var reasons = new Dictionary<(string, string, string), string>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 4 || fields[3].Trim().Length == 0)
            {
                throw new InvalidDataException($"{path}:{number}: expected four tab-separated fields (file, original code, replacement, reason), found {fields.Length}. Every equivalent mutant needs a reason.");
            }

            reasons[(fields[0], Normalise(fields[1]), Normalise(fields[2]))] = fields[3].Trim();
        }

        return new EquivalentMutants(reasons);
    }

    /// <summary>Why the mutant is equivalent, or null when it is not on the list.</summary>
    /// <param name="mutant">The mutant.</param>
    /// <param name="source">The text of its file.</param>
    public string? ReasonFor(StrykerMutant mutant, string source) =>
        _reasons.GetValueOrDefault((mutant.File, Normalise(mutant.Original(source)), Normalise(mutant.Replacement)));

    /// <summary>One line of the list for <paramref name="mutant"/>, with a reason still to be written.</summary>
    public static string Entry(StrykerMutant mutant, string source, string reason) =>
        string.Join('\t', mutant.File, Normalise(mutant.Original(source)), Normalise(mutant.Replacement), reason);

    /// <summary>Code with every run of white space made one space, so that the list holds multi-line spans on one line.</summary>
    private static string Normalise(string code) => Whitespace().Replace(code, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
