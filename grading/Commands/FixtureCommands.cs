using System.CommandLine;
using Autograder.Grading;
using Autograder.Grading.Checks;
using Autograder.Grading.Protocol;
using Autograder.Host.Checks;
using Spectre.Console;

namespace Autograder.Host.Commands;

/// <summary><c>autograder fixtures generate</c>: run every public check's probe on the reference and store the observations under grading/fixtures/.</summary>
internal static class FixtureCommands
{
    public static Command Create(Option<string?> repository)
    {
        var generate = new Command("generate", "Store the reference's observations for the public checks in grading/fixtures/ (needs a built reference).");
        generate.SetAction((parse, cancellationToken) =>
        {
            var paths = RepositoryPaths.From(parse.GetValue(repository));
            var reference = HomeworkLocator.Resolve(paths, "reference", null, cancellationToken).Homework!;
            var written = new Grader(WorkerCommand.ForCurrentProcess(), new FixtureStore(paths.Fixtures)).GenerateFixtures(CheckRegistry.All, reference, cancellationToken);
            AnsiConsole.MarkupLine($"[green]Wrote {written.Count} fixture(s)[/] to {Markup.Escape(paths.Fixtures)}.");
            return Task.FromResult(0);
        });
        var fixtures = new Command("fixtures", "Expected values of the public checks, generated from the reference.");
        fixtures.Subcommands.Add(generate);
        return fixtures;
    }
}
