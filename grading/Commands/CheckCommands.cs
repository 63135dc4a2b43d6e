using System.CommandLine;
using Autograder.Grading;
using Autograder.Grading.Building;
using Autograder.Grading.Checks;
using Autograder.Grading.Exporters;
using Autograder.Grading.Protocol;
using Autograder.Host.Checks;

namespace Autograder.Host.Commands;

/// <summary><c>autograder check</c> and <c>autograder grade</c>: run the checks on an implementation, print the score table, and write the result files.</summary>
internal static class CheckCommands
{
    public static Command CreateGrade(Option<string?> repository) =>
        Create(repository, "grade", "Grade an implementation and write DIR/results.json (Gradescope), DIR/junit.xml and DIR/summary.md. Exits 0 whenever grading completed (see --fail-under).");

    public static Command Create(Option<string?> repository) =>
        Create(repository, "check", "Run the checks on an implementation and print the score table.");

    private static Command Create(Option<string?> repository, string name, string description)
    {
        var implementation = new Option<string>("--impl") { Description = "reference, starter, a folder holding a student's copy of starter/ (built first), or a built Homework.dll.", DefaultValueFactory = _ => "starter" };
        var only = new Option<string[]>("--only") { Description = "Run only these check ids.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<long?>("--seed") { Description = "Use this seed for every check's inputs (to replay a failure; by default each check has its public seed, or a per-student one when hidden)." };
        var studentId = new Option<string?>("--student-id") { Description = "The student's id: hidden checks draw their inputs from it." };
        var msbuild = new Option<bool>("--msbuild") { Description = "Print plain text and MSBuild diagnostics at the student's methods (used by the build integration)." };
        var errors = new Option<bool>("--errors") { Description = "With --msbuild: report failed checks as errors, so the build fails." };
        var output = new Option<string?>("--out") { Description = "Write results.json (Gradescope), junit.xml and summary.md into this folder." };
        var failUnder = new Option<double?>("--fail-under") { Description = "Exit with code 1 when the score is below this percentage (for CI)." };
        var command = new Command(name, description) { implementation, only, seed, studentId, output, failUnder, msbuild, errors };
        command.SetAction((parse, cancellationToken) =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var paths = RepositoryPaths.From(parse.GetValue(repository));
            var builder = HomeworkBuilder.ForCurrentProcess();
            var student = HomeworkLocator.Resolve(paths, parse.GetValue(implementation)!, builder, cancellationToken);
            var selected = parse.GetValue(only) is { Length: > 0 } ids ? Select(ids) : CheckRegistry.All;
            var fixedSeed = parse.GetValue(seed);
            var studentKey = parse.GetValue(studentId);
            long SeedFor(CheckInfo info) => fixedSeed ?? Seeds.For(info, studentKey);

            IReadOnlyList<CheckResult> results;
            if (student.Homework is null)
            {
                results = Grader.NotCompiled(selected, student.CompileErrors, SeedFor);
            }
            else
            {
                var grader = new Grader(WorkerCommand.ForCurrentProcess(), new FixtureStore(paths.Fixtures));
                var reference = HomeworkLocator.TryResolve(paths, "reference");
                results = grader.Grade(selected, student.Homework, reference, SeedFor, Hybrids(paths, student, builder, cancellationToken), cancellationToken);
            }

            var earned = results.Sum(r => r.Score);
            var possible = results.Sum(r => r.Info.Points);
            var percent = possible == 0 ? 100 : 100 * earned / possible;
            if (parse.GetValue(msbuild))
            {
                Console.WriteLine($"Autograder: {earned:0.##} / {possible:0.##} points ({percent:0.#} %): "
                    + string.Join(", ", results.GroupBy(r => GradescopeExporter.Tag(r.Outcome)).Select(g => $"{g.Count()} {g.Key}")));
                foreach (var line in MsBuildDiagnosticsExporter.Format(results, student.Homework ?? "", parse.GetValue(errors)))
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
                GradescopeExporter.Write(directory, results, clock.Elapsed);
                JUnitExporter.Write(directory, results);
                MarkdownSummaryExporter.Write(directory, results);
            }

            return Task.FromResult(parse.GetValue(failUnder) is { } floor && percent < floor ? 1 : 0);
        });
        return command;
    }

    private static List<Check> Select(string[] ids)
    {
        var unknown = ids.Where(id => !CheckRegistry.ById.ContainsKey(id)).ToList();
        return unknown.Count == 0
            ? [.. CheckRegistry.All.Where(c => ids.Contains(c.Info.Id))]
            : throw new KeyNotFoundException($"No check named {string.Join(", ", unknown)}. The checks are: {string.Join(", ", CheckRegistry.ById.Keys)}.");
    }

    /// <summary>Builds the student's sources with reference parts substituted, when both sets of sources are at hand.</summary>
    private static Func<IReadOnlyList<Substitution>, HomeworkBuild>? Hybrids(RepositoryPaths paths, Implementation student, HomeworkBuilder builder, CancellationToken cancellationToken)
    {
        if (student.Sources is not { } sources || !Directory.Exists(paths.Reference))
        {
            return null;
        }

        return substitutes =>
        {
            var files = substitutes.ToDictionary(s => s.File, s => Path.Combine(paths.Reference, s.File));
            var missing = files.Values.Where(f => !File.Exists(f)).ToList();
            return missing.Count == 0
                ? builder.Build(sources, files, cancellationToken)
                : new HomeworkBuild(null, [$"the reference's sources are not here ({string.Join(", ", missing)})"]);
        };
    }
}
