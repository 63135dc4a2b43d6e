using System.CommandLine;
using Autograder.Grading;
using Autograder.Grading.Checks;
using Autograder.Grading.Protocol;
using Autograder.Host.Checks;

namespace Autograder.Host.Commands;

/// <summary><c>autograder check</c> and <c>autograder grade</c>: run the checks on an implementation, print the score table, and (grade) write the result files.</summary>
internal static class CheckCommands
{
    public static Command CreateGrade(Option<string?> repository)
    {
        var grade = Create(repository, "grade", "Grade an implementation and write DIR/results.json (Gradescope), DIR/junit.xml and DIR/summary.md. Exits 0 whenever grading completed.");
        return grade;
    }

    public static Command Create(Option<string?> repository) =>
        Create(repository, "check", "Run the checks on an implementation and print the score table.");

    private static Command Create(Option<string?> repository, string name, string description)
    {
        var implementation = new Option<string>("--impl") { Description = "reference, starter, or a path to a Homework project folder or Homework.dll.", DefaultValueFactory = _ => "starter" };
        var only = new Option<string[]>("--only") { Description = "Run only these check ids.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<long?>("--seed") { Description = "Use this seed for every check's inputs (to replay a failure; by default each check has its public seed, or a per-student one when hidden)." };
        var studentId = new Option<string?>("--student-id") { Description = "The student's id: hidden checks draw their inputs from it." };
        var msbuild = new Option<bool>("--msbuild") { Description = "Print plain text and MSBuild diagnostics at the student's methods (used by the build integration)." };
        var errors = new Option<bool>("--errors") { Description = "With --msbuild: report failed checks as errors, so the build fails." };
        var output = new Option<string?>("--out") { Description = "Write results.json (Gradescope), junit.xml and summary.md into this folder." };
        var check = new Command(name, description);
        check.Options.Add(implementation);
        check.Options.Add(only);
        check.Options.Add(seed);
        check.Options.Add(studentId);
        check.Options.Add(output);
        check.Options.Add(msbuild);
        check.Options.Add(errors);
        check.SetAction((parse, cancellationToken) =>
        {
            var paths = RepositoryPaths.From(parse.GetValue(repository));
            var student = HomeworkLocator.Resolve(paths, parse.GetValue(implementation)!);
            var reference = HomeworkLocator.TryResolve(paths, "reference");
            var selected = parse.GetValue(only) is { Length: > 0 } ids ? [.. CheckRegistry.All.Where(c => ids.Contains(c.Info.Id))] : CheckRegistry.All;
            var fixedSeed = parse.GetValue(seed);
            var studentKey = parse.GetValue(studentId);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var grader = new Grader(WorkerCommand.ForCurrentProcess(), new FixtureStore(paths.Fixtures));
            var results = grader.Grade(selected, student, reference, info => fixedSeed ?? Seeds.For(info, studentKey), cancellationToken);
            if (parse.GetValue(msbuild))
            {
                var earned = results.Sum(r => r.Score);
                var possible = results.Sum(r => r.Info.Points);
                Console.WriteLine($"Autograder: {earned:0.##} / {possible:0.##} points ({(possible == 0 ? 0 : 100 * earned / possible):0.#} %): "
                    + string.Join(", ", results.GroupBy(r => Grading.Exporters.GradescopeExporter.Tag(r.Outcome)).Select(g => $"{g.Count()} {g.Key}")));
                foreach (var line in Grading.Exporters.MsBuildDiagnosticsExporter.Format(results, student, parse.GetValue(errors)))
                {
                    Console.WriteLine(line);
                }
            }
            else
            {
                ScoreTable.Write(results);
            }

            if (parse.GetValue(output) is { Length: > 0 } directory)
            {
                Grading.Exporters.GradescopeExporter.Write(directory, results, clock.Elapsed);
                Grading.Exporters.JUnitExporter.Write(directory, results);
                Grading.Exporters.MarkdownSummaryExporter.Write(directory, results);
            }

            return Task.FromResult(0);
        });
        return check;
    }
}
