using Autograder.Grading.Building;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Grading.Protocol;
using Autograder.Grading.Sandbox;

namespace Autograder.Grading;

/// <summary>Grades an implementation: probes it and the reference in separate workers, then judges each check in this process.</summary>
/// <remarks>The host never loads student code: it only reads the observations the worker wrote.</remarks>
/// <param name="worker">How to start a worker process.</param>
/// <param name="fixtures">The public checks' expected values; null to run the reference live for every check.</param>
/// <param name="settings">The run's settings, given to every probe (see <see cref="RunSettings"/>).</param>
public sealed class Grader(WorkerCommand worker, FixtureStore? fixtures = null, IReadOnlyDictionary<string, string>? settings = null)
{
    /// <summary>The first line of every check's message when the submission did not compile (the compiler's errors follow).</summary>
    public const string NotCompiledMessage = "your code does not compile, so nothing could be graded. Fix these and build again (dotnet build):";

    private readonly IReadOnlyDictionary<string, string> _settings = settings ?? new Dictionary<string, string>();

    /// <summary>Gets or sets the heap cap of each worker process.</summary>
    public long WorkerMemoryLimitBytes { get; set; } = 3L << 30;

    /// <summary>Gets or sets the factor every check's time limit is multiplied by.</summary>
    public double TimeLimitScale { get; set; } = 1.0;

    /// <summary>Gets or sets the sandbox every worker runs in (the reference's too); null runs them unconfined.</summary>
    public SandboxPolicy? Sandbox { get; set; }

    /// <summary>Gets or sets what is told about long probes' progress (experiments).</summary>
    public IProgress<ProbeProgress>? Progress { get; set; }

    /// <summary>Gets or sets what is told, per completed check, the student's observation and the expected one (for artifacts and reports).</summary>
    public Action<Check, CheckResult, Observation, Observation>? Observed { get; set; }

    /// <summary>Runs every check on the student's and the reference's Homework.dll and scores them.</summary>
    /// <param name="checks">The checks, in report order.</param>
    /// <param name="studentHomework">The student's Homework.dll.</param>
    /// <param name="referenceHomework">The reference's Homework.dll (expected observations where no fixture has them); null when only fixtures may be used.</param>
    /// <param name="seedFor">The seed for each check (fixed for public checks, per student for hidden ones).</param>
    /// <param name="buildHybrid">Builds the student's sources with the given parts taken from the reference (see <see cref="Substitution"/>); null when the sources are not at hand.</param>
    /// <param name="cancellationToken">Stops grading between probes.</param>
    public IReadOnlyList<CheckResult> Grade(
        IReadOnlyList<Check> checks,
        string studentHomework,
        string? referenceHomework,
        Func<CheckInfo, long> seedFor,
        Func<IReadOnlyList<Substitution>, HomeworkBuild>? buildHybrid = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(seedFor);
        var probes = checks.Select(c => (c.Info, Seed: seedFor(c.Info))).ToList();

        // Expected values are settled before any student code runs: that code could otherwise rewrite a fixture or the
        // reference's Homework.dll on disk and so choose its own expected values.
        // Expected observations: fixtures where they hold this seed, the reference run live (in its own worker) otherwise.
        var expected = new Dictionary<string, (ProbeReport, Observation?)>();
        foreach (var (check, (info, seed)) in checks.Zip(probes))
        {
            if (check is Experiment experiment)
            {
                expected[info.Id] = HeldOut(experiment);
            }
            else if (fixtures?.TryLoad(info.Id, seed) is { } stored)
            {
                expected[info.Id] = (new ProbeReport(info.Id, ProbeStatus.Completed, "", "", 0), stored);
            }
        }

        var live = probes.Where(p => !expected.ContainsKey(p.Info.Id)).ToList();
        if (live.Count > 0 && referenceHomework is null)
        {
            foreach (var (info, _) in live)
            {
                expected[info.Id] = (new ProbeReport(info.Id, ProbeStatus.Errored, "no fixture holds its expected values and no reference is available to compute them (course staff: run 'autograder fixtures generate')", "", 0), null);
            }
        }
        else if (live.Count > 0)
        {
            foreach (var (id, result) in Runner(referenceHomework!).Run(live, Progress, cancellationToken))
            {
                expected[id] = result;
            }
        }

        var student = Runner(studentHomework).Run(probes, Progress, cancellationToken);
        var results = checks.Select(c => Judge(c, seedFor(c.Info), student[c.Info.Id], expected[c.Info.Id])).ToList();
        if (buildHybrid is not null)
        {
            var isolation = new FaultIsolation(checks, results, student, buildHybrid);
            foreach (var (index, substitutes, reason) in isolation.Candidates())
            {
                var check = checks[index];
                var build = isolation.Build(substitutes);
                var files = string.Join(", ", substitutes.Select(s => s.Description));
                if (!build.Succeeded)
                {
                    results[index] = results[index] with { Message = $"{results[index].Message}\n(not regraded with the reference's {files}: {(build.Errors.Count > 0 ? build.Errors[0] : "the build failed")})".Trim() };
                    continue;
                }

                var seed = seedFor(check.Info);
                var hybrid = Runner(build.Homework!).Run([(check.Info, seed)], Progress, cancellationToken)[check.Info.Id];
                var regraded = Judge(check, seed, hybrid, expected[check.Info.Id]);
                results[index] = regraded with { Message = $"graded with the reference's {files} in place of yours, because {reason}. {regraded.Message}".Trim() };
                student = new Dictionary<string, (ProbeReport, Observation?)>(student) { [check.Info.Id] = hybrid };
            }
        }

        for (var i = 0; i < checks.Count; i++)
        {
            if (Observed is not null && student[checks[i].Info.Id].Observation is { } observed && expected[checks[i].Info.Id].Item2 is { } wanted)
            {
                Observed(checks[i], results[i], observed, wanted);
            }
        }

        return results;
    }

    /// <summary>The results when the submission does not compile: every check errored, with the compiler's first messages.</summary>
    public static IReadOnlyList<CheckResult> NotCompiled(IReadOnlyList<Check> checks, IReadOnlyList<string> errors, Func<CheckInfo, long> seedFor)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(seedFor);
        var shown = string.Join("\n", errors.Take(10)) + (errors.Count > 10 ? $"\n… and {errors.Count - 10} more" : "");
        var message = $"{NotCompiledMessage}\n{shown}";
        return [.. checks.Select(c => new CheckResult(c.Info, Outcome.Errored, 0, message, seedFor(c.Info), TimeSpan.Zero))];
    }

    /// <summary>Runs the public probes on the reference and stores their observations as fixtures.</summary>
    /// <returns>The ids of the checks whose fixtures were written.</returns>
    public IReadOnlyList<string> GenerateFixtures(IReadOnlyList<Check> checks, string referenceHomework, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var store = fixtures ?? throw new InvalidOperationException("No fixture folder was given.");
        var probes = checks.Where(c => c.Info.Visibility == Visibility.Visible && c is not Experiment).Select(c => (c.Info, Seeds.Public(c.Info.Id))).ToList();
        var written = new List<string>();
        foreach (var (id, (report, observation)) in Runner(referenceHomework).Run(probes, Progress, cancellationToken))
        {
            if (report.Status != ProbeStatus.Completed || observation is null)
            {
                throw new InvalidOperationException($"The reference failed check {id} ({report.Status}: {report.Message}); fix the reference before generating fixtures.");
            }

            store.Save(id, Seeds.Public(id), observation);
            written.Add(id);
        }

        return written;
    }

    private ProbeRunner Runner(string homework) => new(worker, homework, _settings, WorkerMemoryLimitBytes) { TimeLimitScale = TimeLimitScale, Sandbox = Sandbox };

    /// <summary>The held-out truth of an experiment, loaded here in the host after its shared inputs are prepared; a missing data set makes the check errored, not the run.</summary>
    private (ProbeReport, Observation?) HeldOut(Experiment experiment)
    {
        try
        {
            experiment.Prepare(_settings);
            return (new ProbeReport(experiment.Info.Id, ProbeStatus.Completed, "", "", 0), experiment.HeldOut(_settings));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
        {
            return (new ProbeReport(experiment.Info.Id, ProbeStatus.Errored, $"the held-out data could not be loaded: {e.Message}", "", 0), null);
        }
    }

    internal static CheckResult Judge(Check check, long seed, (ProbeReport Report, Observation? Observation) student, (ProbeReport Report, Observation? Observation) reference)
    {
        var info = check.Info;
        var duration = TimeSpan.FromMilliseconds(student.Report.Milliseconds);
        CheckResult Result(Outcome outcome, double score, string message) => new(info, outcome, score, message, seed, duration);
        switch (student.Report.Status)
        {
            case ProbeStatus.NotAttempted:
                return Result(Outcome.NotAttempted, 0, "not attempted yet: the method still throws NotImplementedException.");
            case ProbeStatus.TimedOut:
                return Result(Outcome.TimedOut, 0, student.Report.Message);
            case ProbeStatus.Errored or ProbeStatus.Crashed:
                return Result(Outcome.Errored, 0, Join(student.Report.Message, student.Report.Trace));
            default:
                break;
        }

        if (reference.Report.Status != ProbeStatus.Completed || reference.Observation is null || student.Observation is null)
        {
            return Result(Outcome.Errored, 0, $"grader error: the reference failed this check ({reference.Report.Status}: {reference.Report.Message}). Tell the course staff.");
        }

        Verdict verdict;
        try
        {
            verdict = check.Judge(student.Observation, reference.Observation);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The observation holds values the student's code chose (odd shapes, dtypes, missing entries).
            verdict = Verdict.Fail($"the result could not be judged: {e.Message}");
        }

        var fraction = double.IsFinite(verdict.Fraction) ? Math.Clamp(verdict.Fraction, 0, 1) : 0;
        var message = fraction < 1 ? verdict.Message + ProbeContext.InPlaceNote(info, student.Observation, reference.Observation) : verdict.Message;
        return Result(fraction >= 1 ? Outcome.Passed : Outcome.Failed, fraction * info.Points, message) with { Blame = verdict.Blame };
    }

    private static string Join(string message, string trace) => trace.Length == 0 ? message : $"{message}\n{trace}";
}
