using System.CommandLine;
using Autograder.Host.Release;
using Spectre.Console;

namespace Autograder.Host.Commands;

/// <summary><c>autograder release --out DIR</c>: writes the student bundle (no reference, no hidden checks), or with <c>--gradescope</c> the Gradescope autograder zip.</summary>
internal static class ReleaseCommands
{
    public static Command Create(Option<string?> repository, GraderOptions options)
    {
        var output = new Option<string>("--out") { Description = "The folder to write the bundle into (must be new or empty); with --gradescope, where autograder.zip goes.", Required = true };
        var gradescope = new Option<bool>("--gradescope") { Description = "Write Gradescope's autograder zip (setup.sh, run_autograder, the grader with the reference and hidden checks) instead of the student bundle." };
        var assignment = new Option<string?>("--assignment") { Description = "With --gradescope: grade only this assignment (a1, a2, …)." };
        var checksOnly = new Option<bool>("--checks-only") { Description = "With --gradescope: run the checks only, no experiments." };
        var release = new Command("release", "Write the student bundle: starter, public checks and fixtures, libraries, bundled data; no reference, no hidden checks. With --gradescope, Gradescope's autograder zip instead.") { output, gradescope, assignment, checksOnly };
        release.SetAction(parse =>
        {
            var paths = RepositoryPaths.From(parse.GetValue(repository));
            var target = parse.GetValue(output)!;
            if (parse.GetValue(gradescope))
            {
                List<string> selection = parse.GetValue(checksOnly) ? ["check"] : ["grade", "--quick"];
                if (parse.GetValue(assignment) is { Length: > 0 } a)
                {
                    _ = GradingRun.OfAssignment(a);
                    selection.AddRange(["--assignment", a]);
                }

                var (zip, newSecret) = GradescopeAutograder.Write(paths, target, selection, options.HiddenSeedSecret);
                AnsiConsole.MarkupLine($"[green]Wrote[/] {Markup.Escape(zip)} ({new FileInfo(zip).Length >> 20} MB): upload it as the assignment's autograder (Ubuntu base image). Each submission runs: {Markup.Escape(string.Join(' ', selection))}.");
                if (newSecret)
                {
                    AnsiConsole.MarkupLine("No HiddenSeedSecret was configured, so the zip carries a new random one (grading/appsettings.json inside it): keep the zip to replay hidden inputs.");
                }

                return 0;
            }

            var count = StudentBundle.Write(paths, target);
            AnsiConsole.MarkupLine($"[green]Wrote {count} files[/] to {Markup.Escape(Path.GetFullPath(target))}. Try it: cd {Markup.Escape(target)} && dotnet build");
            return 0;
        });
        return release;
    }
}
