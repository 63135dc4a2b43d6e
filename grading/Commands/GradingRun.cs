using Autograder.Grading;
using Autograder.Grading.Building;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Grading.Exporters;
using Autograder.Grading.Protocol;
using Autograder.Host.Checks;
using Autograder.Host.Experiments;
using Autograder.Host.Sandboxing;

namespace Autograder.Host.Commands;

/// <summary>What to grade: one implementation, a selection of checks, and how.</summary>
/// <param name="Paths">The course repository.</param>
/// <param name="Implementation">reference, starter, a folder or a Homework.dll (as --impl takes it).</param>
/// <param name="Checks">The checks and experiments to run.</param>
/// <param name="Quick">Experiments on the bundled subsets with fewer epochs.</param>
/// <param name="Seed">One seed for every check (replay), or null for each check's own.</param>
/// <param name="StudentId">Draws the hidden checks' inputs; null for the public seeds.</param>
/// <param name="Plain">Plain text progress (the build integration) instead of a live display.</param>
internal sealed record GradingRequest(RepositoryPaths Paths, string Implementation, IReadOnlyList<Check> Checks, bool Quick, long? Seed, string? StudentId, bool Plain)
{
    /// <summary>Gets an unlabelled file that text-classification experiments also predict (<c>--predict</c>), or null.</summary>
    public string? PredictFile { get; init; }

    /// <summary>Gets a value indicating whether workers and builds run unconfined (<c>--no-sandbox</c>).</summary>
    public bool NoSandbox { get; init; }
}

/// <summary>A completed grading: the results in order, what each experiment measured, and how long it took.</summary>
internal sealed record GradingOutcome(Implementation Student, IReadOnlyList<CheckResult> Results, IReadOnlyDictionary<string, ExperimentSummary> Summaries, TimeSpan Elapsed);

/// <summary>Grades an implementation (shared by check, grade, experiments run and report) and writes the result files.</summary>
internal static class GradingRun
{
    public static GradingOutcome Execute(GradingRequest request, GraderOptions options, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var settings = new Dictionary<string, string>
        {
            [RunSettings.Quick] = request.Quick ? "true" : "false",
            [RunSettings.Repository] = request.Paths.Root,
        };
        if (request.PredictFile is { } predict)
        {
            if (!File.Exists(predict))
            {
                throw new MissingDataException($"--predict: the file {predict} does not exist. Give a text file with one sentence per line.");
            }

            settings[RunSettings.Predict] = predict;
        }

        DataPreflight.Ensure(request.Checks, settings);
        var sandbox = WorkerSandbox.Required(request.Paths, request.Implementation, request.NoSandbox) ? WorkerSandbox.For(settings) : null;
        var builder = HomeworkBuilder.ForCurrentProcess();
        builder.Sandbox = sandbox is null ? null : WorkerSandbox.ForBuild();
        var student = HomeworkLocator.Resolve(request.Paths, request.Implementation, builder, cancellationToken);
        long SeedFor(CheckInfo info) => request.Seed ?? Seeds.For(info, request.StudentId, options.HiddenSeedSecret);
        if (request.Seed is null && request.StudentId is { Length: > 0 } && string.IsNullOrEmpty(options.HiddenSeedSecret)
            && request.Checks.Any(c => c.Info.Visibility != Visibility.Visible))
        {
            Console.Error.WriteLine("autograder: warning: no HiddenSeedSecret is set, so hidden inputs follow from the student id alone and can be computed offline; set AUTOGRADER_HiddenSeedSecret (or HiddenSeedSecret in appsettings.json) on the grading machine.");
        }


        var summaries = new Dictionary<string, ExperimentSummary>();
        IReadOnlyList<CheckResult> results;
        if (student.Homework is null)
        {
            results = Grader.NotCompiled(request.Checks, student.CompileErrors, SeedFor);
        }
        else
        {
            var grader = new Grader(WorkerCommand.ForCurrentProcess(), new FixtureStore(request.Paths.Fixtures), settings)
            {
                WorkerMemoryLimitBytes = (long)options.WorkerMemoryLimitMegabytes << 20,
                TimeLimitScale = Math.Max(0.1, options.TimeLimitScale),
                Sandbox = sandbox,
                Observed = (check, _, observed, expected) =>
                {
                    if (check is Experiment experiment)
                    {
                        summaries[check.Info.Id] = experiment.Summarize(observed, expected);
                    }
                },
            };
            var reference = HomeworkLocator.TryResolve(request.Paths, "reference");
            var hybrids = Hybrids(request.Paths, student, builder, cancellationToken);
            results = request.Checks.Any(c => c is Experiment)
                ? ProgressDisplay.Run(request.Plain, progress =>
                {
                    grader.Progress = progress;
                    return grader.Grade(request.Checks, student.Homework, reference, SeedFor, hybrids, cancellationToken);
                })
                : grader.Grade(request.Checks, student.Homework, reference, SeedFor, hybrids, cancellationToken);
        }

        return new GradingOutcome(student, results, summaries, clock.Elapsed);
    }

    /// <summary>Writes results.json (Gradescope), junit.xml, summary.md and experiments/ID/metrics.json into <paramref name="directory"/>.</summary>
    public static void Write(string directory, GradingOutcome outcome)
    {
        GradescopeExporter.Write(directory, outcome.Results, outcome.Elapsed);
        JUnitExporter.Write(directory, outcome.Results);
        MarkdownSummaryExporter.Write(directory, outcome.Results);
        foreach (var result in outcome.Results.Where(r => CheckRegistry.ById[r.Info.Id] is Experiment))
        {
            ExperimentArtifacts.Write(Path.Combine(directory, "experiments"), result, outcome.Summaries.GetValueOrDefault(result.Info.Id), outcome.Student.Name);
        }
    }

    /// <summary>The checks of one assignment (<c>a1</c>), or throws naming the assignments there are.</summary>
    public static List<Check> OfAssignment(string assignment)
    {
        var prefix = assignment.Trim().ToLowerInvariant() + ".";
        var checks = CheckRegistry.All.Where(c => c.Info.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return checks.Count > 0
            ? checks
            : throw new KeyNotFoundException($"No assignment '{assignment}'. The assignments are: {string.Join(", ", CheckRegistry.All.Select(c => c.Info.Assignment.ToLowerInvariant()).Distinct())}.");
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
            var missing = substitutes.Select(s => Path.Combine(paths.Reference, s.File)).Where(f => !File.Exists(f)).Distinct().ToList();
            if (missing.Count > 0)
            {
                return new HomeworkBuild(null, [$"the reference's sources are not here ({string.Join(", ", missing)})"]);
            }

            var files = new Dictionary<string, string>();
            foreach (var file in substitutes.GroupBy(s => s.File))
            {
                var (path, problem) = Replacement(paths, sources, file.Key, [.. file]);
                if (path is null)
                {
                    return new HomeworkBuild(null, [problem!]);
                }

                files[file.Key] = path;
            }

            return builder.Build(sources, files, cancellationToken);
        };
    }

    /// <summary>
    /// What to compile in place of the student's <paramref name="file"/>: the reference's file when a substitute takes it
    /// whole, else the student's file with the named methods' bodies taken from the reference (written beside the build cache).
    /// </summary>
    private static (string? Path, string? Problem) Replacement(RepositoryPaths paths, string sources, string file, IReadOnlyList<Substitution> substitutes)
    {
        var reference = Path.Combine(paths.Reference, file);
        var theirs = Path.Combine(sources, file);
        if (substitutes.Any(s => s.Member is null) || !File.Exists(theirs))
        {
            return (reference, null);
        }

        var (text, problem) = MemberTransplant.Apply(File.ReadAllText(theirs), File.ReadAllText(reference), substitutes[0].Type, [.. substitutes.Select(s => s.Member!)]);
        if (text is null)
        {
            return (null, problem);
        }

        var folder = Path.Combine(Path.GetTempPath(), "autograder-builds", "transplants", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(file));
        File.WriteAllText(path, text);
        return (path, null);
    }
}
