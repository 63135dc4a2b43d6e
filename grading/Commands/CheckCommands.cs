using System.CommandLine;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Grading.Exporters;
using Autograder.Host.Checks;

namespace Autograder.Host.Commands;

/// <summary><c>check</c>, <c>grade</c> and <c>experiments run</c>: run checks and experiments on an implementation, print the score table, write the result files.</summary>
internal static class CheckCommands
{
    public static Command Create(Option<string?> repository, GraderOptions options) =>
        Create(repository, options, "check", "Run the fast checks (no experiments) on an implementation and print the score table.", GradingScope.Checks);

    public static Command CreateGrade(Option<string?> repository, GraderOptions options) =>
        Create(repository, options, "grade", "Grade an implementation (checks and experiments); with --out, write results.json (Gradescope), junit.xml, summary.md and experiments/*/metrics.json. Exits 0 whenever grading completed (see --fail-under).", GradingScope.Everything);

    public static Command CreateExperiments(Option<string?> repository, GraderOptions options)
    {
        var experiments = new Command("experiments", "Run the experiments: training runs with the implementation's code, scored on held-out data.");
        experiments.Subcommands.Add(Create(repository, options, "run", "Run the experiments and write DIR/experiments/*/metrics.json (default DIR: out).", GradingScope.Experiments));
        return experiments;
    }

    private static Command Create(Option<string?> repository, GraderOptions options, string name, string description, GradingScope scope)
    {
        var implementation = new Option<string>("--impl") { Description = "reference, starter, a folder holding a student's copy of starter/ (built first), or a built Homework.dll.", DefaultValueFactory = _ => "starter" };
        var only = new Option<string[]>("--only") { Description = "Run only these check or experiment ids.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<long?>("--seed") { Description = "Use this seed for every check's inputs (to replay a failure; by default each check has its public seed, or a per-student one when hidden)." };
        var studentId = new Option<string?>("--student-id") { Description = "The student's id: hidden checks draw their inputs from it." };
        var output = new Option<string?>("--out") { Description = "Write the result files into this folder." };
        var quick = new Option<bool>("--quick") { Description = "Run experiments on the bundled data subset with fewer epochs (for CI)." };
        var failUnder = new Option<double?>("--fail-under") { Description = "Exit with code 1 when the score is below this percentage (for CI)." };
        var msbuild = new Option<bool>("--msbuild") { Description = "Print plain text and MSBuild diagnostics at the student's methods (used by the build integration)." };
        var errors = new Option<bool>("--errors") { Description = "With --msbuild: report failed checks as errors, so the build fails." };
        var assignment = new Option<string?>("--assignment") { Description = "Run only this assignment's checks and experiments (a1, a2, …)." };
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Run the submission's build and workers unconfined, without bubblewrap (only for code you trust: your own). By default a submission is graded in a sandbox, and refused where none can run." };
        var command = new Command(name, description) { implementation, assignment, only, seed, studentId, output, failUnder, msbuild, errors, noSandbox };
        var predict = new Option<FileInfo?>("--predict") { Description = "A file of unlabelled sentences, one per line: text-classification experiments (A5) also label them and write DIR/experiments/ID/predictions.txt, one label per line." };
        var report = new Option<bool>("--report") { Description = "With --out: also write each graded assignment's report (DIR/reports/aN.md and aN.html) from these results." };
        if (scope != GradingScope.Checks)
        {
            command.Options.Add(quick);
        }

        if (scope == GradingScope.Everything)
        {
            command.Options.Add(report);
        }

        if (scope == GradingScope.Experiments)
        {
            command.Options.Add(predict);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var paths = RepositoryPaths.From(parse.GetValue(repository));
            var plain = parse.GetValue(msbuild);
            var request = new GradingRequest(paths, parse.GetValue(implementation)!, Select(parse.GetValue(only), parse.GetValue(assignment), scope),
                parse.GetValue(quick), parse.GetValue(seed), parse.GetValue(studentId), plain)
            {
                PredictFile = parse.GetValue(predict)?.FullName,
                NoSandbox = parse.GetValue(noSandbox),
            };
            var outcome = GradingRun.Execute(request, options, cancellationToken);
            var results = outcome.Results;
            var earned = results.Sum(r => r.Score);
            var possible = results.Sum(r => r.Info.Points);
            var percent = possible == 0 ? 100 : 100 * earned / possible;
            if (plain)
            {
                Console.WriteLine($"Autograder: {earned:0.##} / {possible:0.##} points ({percent:0.#} %): "
                    + string.Join(", ", results.GroupBy(r => GradescopeExporter.Tag(r.Outcome)).Select(g => $"{g.Count()} {g.Key}")));
                foreach (var line in MsBuildDiagnosticsExporter.Format(results, outcome.Student.Homework ?? "", parse.GetValue(errors)))
                {
                    Console.WriteLine(line);
                }
            }
            else
            {
                ScoreTable.Write(results);
            }

            var directory = parse.GetValue(output) ?? (scope == GradingScope.Experiments ? "out" : null);
            if (directory is { Length: > 0 })
            {
                GradingRun.Write(directory, outcome);
                if (parse.GetValue(report))
                {
                    WriteReports(paths, directory, outcome);
                }
            }

            return Task.FromResult(parse.GetValue(failUnder) is { } floor && percent < floor ? 1 : 0);
        });
        return command;
    }

    /// <summary>Renders the report of every assignment that was graded and has a template, from the results just written.</summary>
    private static void WriteReports(RepositoryPaths paths, string directory, GradingOutcome outcome)
    {
        var results = Autograder.Reports.Results.ResultSet.Load(directory);
        foreach (var assignment in outcome.Results.Select(r => r.Info.Assignment.ToLowerInvariant()).Distinct())
        {
            if (ReportCommands.Template(paths, assignment) is { } template)
            {
                ReportCommands.Write(template, results, Path.Combine(directory, "reports"), assignment, GradingRun.OfAssignment(assignment), isWriteup: false);
            }
        }
    }

    /// <summary>The checks to run: <c>--only</c>'s ids, within <c>--assignment</c> when both are given, else the scope's.</summary>
    internal static List<Check> Select(string[]? ids, string? assignment, GradingScope scope)
    {
        IReadOnlyList<Check> candidates = assignment is { Length: > 0 } ? GradingRun.OfAssignment(assignment) : CheckRegistry.All;
        if (ids is { Length: > 0 })
        {
            var unknown = ids.Where(id => !candidates.Any(c => c.Info.Id == id)).ToList();
            var within = assignment is { Length: > 0 } ? $" in {assignment}" : "";
            return unknown.Count == 0
                ? [.. candidates.Where(c => ids.Contains(c.Info.Id))]
                : throw new KeyNotFoundException($"No check named {string.Join(", ", unknown)}{within}. The checks are: {string.Join(", ", candidates.Select(c => c.Info.Id))}.");
        }

        return scope switch
        {
            GradingScope.Checks => [.. candidates.Where(c => c is not Experiment)],
            GradingScope.Experiments => [.. candidates.Where(c => c is Experiment)],
            _ => [.. candidates],
        };
    }
}
