using Autograder.Grading.Checks;
using Spectre.Console;

namespace Autograder.Host;

/// <summary>Prints results as a score table, then each failure's message with its seed and replay command.</summary>
internal static class ScoreTable
{
    public static void Write(IReadOnlyList<CheckResult> results)
    {
        var table = new Table().RoundedBorder().AddColumns("Check", "Result", "Points");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape($"{r.Info.Id}  {r.Info.Title}"), Badge(r.Outcome), $"{r.Score:0.##} / {r.Info.Points:0.##}");
        }

        var earned = results.Sum(r => r.Score);
        var possible = results.Sum(r => r.Info.Points);
        table.Caption($"Total {earned:0.##} / {possible:0.##} ({(possible == 0 ? 0 : 100 * earned / possible):0.#} %)");
        AnsiConsole.Write(table);
        // Passed checks can carry a note too (e.g. graded with the reference's layers in place of faulty ones).
        foreach (var r in results.Where(r => r.Outcome is not Outcome.NotAttempted && r.Message.Length > 0))
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(r.Info.Id)}[/]: {Markup.Escape(r.Message)}");
            if (r.Outcome != Outcome.Passed)
            {
                AnsiConsole.MarkupLine($"  [grey]seed {r.Seed}; replay: {Markup.Escape(r.ReplayCommand)}[/]");
            }
        }
    }

    private static string Badge(Outcome outcome) => outcome switch
    {
        Outcome.Passed => "[green]passed[/]",
        Outcome.Failed => "[red]failed[/]",
        Outcome.NotAttempted => "[grey]not attempted[/]",
        Outcome.TimedOut => "[red]timed out[/]",
        _ => "[red]error[/]",
    };
}
