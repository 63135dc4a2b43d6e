using System.CommandLine;
using Autograder.Grading.Starter;
using Spectre.Console;

namespace Autograder.Host.Commands;

/// <summary><c>autograder starter sync|verify</c>: regenerate the starter from the reference's solution markers, or check it is in step.</summary>
internal static class StarterCommands
{
    public static Command Create(Option<string?> repository)
    {
        var sync = new Command("sync", "Regenerate starter/ from reference/ (solution regions become TODO stubs).");
        sync.SetAction(parse =>
        {
            var paths = Resolve(parse.GetValue(repository));
            var changed = StarterGenerator.Sync(paths.Reference, paths.Starter);
            AnsiConsole.MarkupLine(changed.Count == 0
                ? "[green]starter/ is already in step with reference/.[/]"
                : $"[yellow]Updated {changed.Count} file(s):[/] {Markup.Escape(string.Join(", ", changed))}");
            return 0;
        });

        var verify = new Command("verify", "Check that starter/ equals what reference/ generates; exit 1 with the differences if not.");
        verify.SetAction(parse =>
        {
            var paths = Resolve(parse.GetValue(repository));
            var problems = StarterGenerator.Verify(paths.Reference, paths.Starter);
            if (problems.Count == 0)
            {
                AnsiConsole.MarkupLine("[green]starter/ matches the reference.[/]");
                return 0;
            }

            foreach (var problem in problems)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem)}[/]");
            }

            AnsiConsole.MarkupLine("Run [bold]autograder starter sync[/] to regenerate the starter.");
            return 1;
        });

        var starter = new Command("starter", "The student's starter project, generated from the reference.");
        starter.Subcommands.Add(sync);
        starter.Subcommands.Add(verify);
        return starter;
    }

    private static RepositoryPaths Resolve(string? repository) => RepositoryPaths.From(repository);
}
