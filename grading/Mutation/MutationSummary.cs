using System.Globalization;
using System.Text;

namespace Autograder.Host.Mutation;

/// <summary>Writes an assignment's mutation score as Markdown (stryker/results/aN.md): the counts, the score, and every mutant that was not killed by a public check.</summary>
internal static class MutationSummary
{
    /// <summary>The share of non-equivalent mutants killed, in percent (100 when there are none).</summary>
    public static double Score(IReadOnlyList<MutantVerdict> verdicts, bool includeHidden)
    {
        var killed = verdicts.Count(v => v.Fate == MutantFate.KilledByPublicChecks || (includeHidden && v.Fate == MutantFate.KilledByHiddenChecks));
        var counted = verdicts.Count(v => v.Fate is not (MutantFate.Equivalent or MutantFate.CompileError or MutantFate.GivenCode));
        return counted == 0 ? 100 : 100.0 * killed / counted;
    }

    /// <summary>The Markdown summary.</summary>
    /// <param name="assignment">The assignment (<c>a1</c>).</param>
    /// <param name="verdicts">Every tested mutant's fate.</param>
    /// <param name="sources">The text of each mutated file, by its relative path.</param>
    /// <param name="complete">Whether Stryker ran at its Complete mutation level rather than its Standard one.</param>
    public static string Format(string assignment, IReadOnlyList<MutantVerdict> verdicts, IReadOnlyDictionary<string, string> sources, bool complete = false)
    {
        int Count(MutantFate fate) => verdicts.Count(v => v.Fate == fate);
        var name = assignment.ToUpperInvariant();
        var counted = verdicts.Count(v => v.Fate is not (MutantFate.Equivalent or MutantFate.CompileError or MutantFate.GivenCode));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Mutation score of {name}'s checks");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Stryker.NET mutated reference/{name} at its {(complete ? "Complete" : "Standard")} level and ran the public checks on every mutant (tests/Homework.Tests, category {name});");
        text.AppendLine(CultureInfo.InvariantCulture, $"`autograder mutants` then graded each survivor with every check of {name}, public and hidden, through the grader (the hidden");
        text.AppendLine(CultureInfo.InvariantCulture, $"inputs of student `{MutantGrading.StudentId}`). Made by `stryker/measure.sh {assignment}{(complete ? " complete" : "")}`; see README.md, \"Measuring the checks\".");
        text.AppendLine();
        text.AppendLine("| Mutants | Count |");
        text.AppendLine("|---|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| tested | {verdicts.Count} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| in code the starter gives (outside BEGIN/END SOLUTION; not counted) | {Count(MutantFate.GivenCode)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| killed by a public check | {Count(MutantFate.KilledByPublicChecks)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| killed by a hidden check | {Count(MutantFate.KilledByHiddenChecks)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| equivalent (reviewed: stryker/equivalent-mutants.tsv) | {Count(MutantFate.Equivalent)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| survived | {Count(MutantFate.Survived)} |");
        if (Count(MutantFate.CompileError) > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| did not compile in the grader's build (not counted) | {Count(MutantFate.CompileError)} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Mutation score** (killed / {counted} non-equivalent): public checks {Score(verdicts, false):0.0} %, every check {Score(verdicts, true):0.0} %.");
        Section(text, "Survivors", verdicts.Where(v => v.Fate == MutantFate.Survived), sources);
        Section(text, "Killed only by a hidden check", verdicts.Where(v => v.Fate == MutantFate.KilledByHiddenChecks), sources);
        Section(text, "Equivalent", verdicts.Where(v => v.Fate == MutantFate.Equivalent), sources);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<MutantVerdict> verdicts, IReadOnlyDictionary<string, string> sources)
    {
        var rows = verdicts.ToList();
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {title} ({rows.Count})");
        text.AppendLine();
        text.AppendLine("| Where | Mutation | Code → replacement | Note |");
        text.AppendLine("|---|---|---|---|");
        foreach (var (mutant, _, detail) in rows)
        {
            var original = Cell(mutant.Original(sources[mutant.File]));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {mutant.File}:{mutant.Start.Line} | {mutant.Mutator} | `{original}` → `{Cell(mutant.Replacement)}` | {Cell(detail, 200)} |");
        }
    }

    /// <summary>Code on one line, shortened, safe inside a Markdown table cell.</summary>
    private static string Cell(string code, int width = 90)
    {
        var line = string.Join(' ', code.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)).Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
        return line.Length <= width ? line : line[..(width - 3)] + "...";
    }
}
