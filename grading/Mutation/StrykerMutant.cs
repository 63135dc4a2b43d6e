namespace Autograder.Host.Mutation;

/// <summary>One mutant from a Stryker.NET JSON report (the mutation-testing-elements schema): where it is, what it puts there, how it fared.</summary>
/// <param name="File">The mutated file, relative to the reference folder with '/' separators (<c>A1/Layers.cs</c>).</param>
/// <param name="Mutator">Stryker's name for the mutation (<c>Arithmetic mutation</c>).</param>
/// <param name="Status">Stryker's verdict: Killed, Survived, Timeout, NoCoverage, CompileError, Ignored or RuntimeError.</param>
/// <param name="Start">The first character replaced: 1-based line and column.</param>
/// <param name="End">The character after the last one replaced: 1-based line and column.</param>
/// <param name="Replacement">The code put in place of the span.</param>
internal sealed record StrykerMutant(string File, string Mutator, string Status, (int Line, int Column) Start, (int Line, int Column) End, string Replacement)
{
    /// <summary>Gets a value indicating whether Stryker ran the public checks on it and none failed (survived, or covered by none of them).</summary>
    public bool SurvivedPublicChecks => Status is "Survived" or "NoCoverage";

    /// <summary>Gets a value indicating whether the public checks detected it (a failing check, or a run past its time limit).</summary>
    public bool KilledByPublicChecks => Status is "Killed" or "Timeout";

    /// <summary>Gets a value indicating whether it was tested at all (not a compile error, not filtered out).</summary>
    public bool Tested => SurvivedPublicChecks || KilledByPublicChecks;

    /// <summary>Whether the mutant lies inside a <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> region of <paramref name="source"/>: code the student writes.</summary>
    public bool InSolutionRegion(string source)
    {
        var lines = source.Split('\n');
        var inside = false;
        for (var line = 0; line < lines.Length && line < Start.Line; line++)
        {
            var text = lines[line].TrimStart();
            inside = text.StartsWith("// BEGIN SOLUTION", StringComparison.Ordinal) || (inside && !text.StartsWith("// END SOLUTION", StringComparison.Ordinal));
        }

        return inside;
    }

    /// <summary>The original code the mutant replaces, taken from <paramref name="source"/>.</summary>
    public string Original(string source) => source[Offset(source, Start)..Offset(source, End)];

    /// <summary><paramref name="source"/> with this mutant applied.</summary>
    public string ApplyTo(string source) => string.Concat(source.AsSpan(0, Offset(source, Start)), Replacement, source.AsSpan(Offset(source, End)));

    /// <summary>The line the mutant starts on, trimmed (for listing it).</summary>
    public string Line(string source) => source.Split('\n')[Start.Line - 1].Trim();

    /// <summary>A short description: <c>A1/Layers.cs:69 Linq method mutation → scores.Min</c>.</summary>
    public override string ToString() => $"{File}:{Start.Line} {Mutator} → {Replacement}";

    /// <summary>The character offset of a 1-based line and column in <paramref name="source"/>.</summary>
    private static int Offset(string source, (int Line, int Column) position)
    {
        var offset = 0;
        for (var line = 1; line < position.Line; line++)
        {
            offset = source.IndexOf('\n', offset) + 1;
            if (offset == 0)
            {
                throw new InvalidDataException($"The Stryker report places a mutant at line {position.Line}, past the end of the file: the sources changed since that report was made. Run Stryker again.");
            }
        }

        var result = offset + position.Column - 1;
        return result <= source.Length
            ? result
            : throw new InvalidDataException($"The Stryker report places a mutant at line {position.Line}, column {position.Column}, past the end of the file: the sources changed since that report was made. Run Stryker again.");
    }
}
