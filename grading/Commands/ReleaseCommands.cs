using System.CommandLine;
using Autograder.Host.Release;
using Spectre.Console;

namespace Autograder.Host.Commands;

/// <summary><c>autograder release --out DIR</c>: writes the student bundle (no reference, no hidden checks).</summary>
internal static class ReleaseCommands
{
    public static Command Create(Option<string?> repository)
    {
        var output = new Option<string>("--out") { Description = "The folder to write the bundle into (must be new or empty).", Required = true };
        var release = new Command("release", "Write the student bundle: starter, public checks and fixtures, libraries, bundled data; no reference, no hidden checks.") { output };
        release.SetAction(parse =>
        {
            var paths = RepositoryPaths.From(parse.GetValue(repository));
            var target = parse.GetValue(output)!;
            var count = StudentBundle.Write(paths, target);
            AnsiConsole.MarkupLine($"[green]Wrote {count} files[/] to {Markup.Escape(Path.GetFullPath(target))}. Try it: cd {Markup.Escape(target)} && dotnet build");
            return 0;
        });
        return release;
    }
}
