using System.CommandLine;
using Autograder.Grading;
using Autograder.Grading.Protocol;
using Autograder.Host.Checks;

namespace Autograder.Host.Commands;

/// <summary><c>autograder check</c>: run the checks on an implementation and print the score table.</summary>
internal static class CheckCommands
{
    public static Command Create(Option<string?> repository)
    {
        var implementation = new Option<string>("--impl") { Description = "reference, starter, or a path to a Homework project folder or Homework.dll.", DefaultValueFactory = _ => "starter" };
        var only = new Option<string[]>("--only") { Description = "Run only these check ids.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<long>("--seed") { Description = "The seed for the checks' inputs (printed with every failure).", DefaultValueFactory = _ => 0 };
        var check = new Command("check", "Run the checks on an implementation and print the score table.");
        check.Options.Add(implementation);
        check.Options.Add(only);
        check.Options.Add(seed);
        check.SetAction((parse, cancellationToken) =>
        {
            var paths = parse.GetValue(repository) is { Length: > 0 } root ? new RepositoryPaths(Path.GetFullPath(root)) : RepositoryPaths.Find(Directory.GetCurrentDirectory());
            var student = HomeworkLocator.Resolve(paths, parse.GetValue(implementation)!);
            var reference = HomeworkLocator.Resolve(paths, "reference");
            var selected = parse.GetValue(only) is { Length: > 0 } ids ? [.. CheckRegistry.All.Where(c => ids.Contains(c.Info.Id))] : CheckRegistry.All;
            var fixedSeed = parse.GetValue(seed);
            var results = new Grader(WorkerCommand.ForCurrentProcess()).Grade(selected, student, reference, _ => fixedSeed, cancellationToken);
            ScoreTable.Write(results);
            return Task.FromResult(0);
        });
        return check;
    }
}
