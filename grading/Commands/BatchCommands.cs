using System.CommandLine;
using Autograder.Grading.Checks;
using Autograder.Grading.Protocol;
using Autograder.Host.Batch;
using Autograder.Host.Experiments;
using Autograder.Host.Sandboxing;

namespace Autograder.Host.Commands;

/// <summary><c>autograder batch SUBMISSIONS --out DIR</c>: grades a class, N at a time, resumably; writes per-student results, grades.csv and class-summary.html.</summary>
internal static class BatchCommands
{
    public static Command Create(Option<string?> repository, GraderOptions options)
    {
        var input = new Argument<string>("submissions") { Description = "A folder with one folder or .zip per student (its name is the student's id), or a Gradescope export (folder or zip, with submission_metadata.yml)." };
        var output = new Option<string>("--out") { Description = "The batch's folder: students/ID/ (results.json, junit.xml, summary.md, grader.log, batch.json), grades.csv, class-summary.html.", Required = true };
        var assignment = new Option<string?>("--assignment") { Description = "Grade only this assignment's checks (a1, a2, …)." };
        var only = new Option<string[]>("--only") { Description = "Grade only these check or experiment ids.", AllowMultipleArgumentsPerToken = true };
        var checksOnly = new Option<bool>("--checks-only") { Description = "Run the checks only, no experiments (as 'check' does)." };
        var quick = new Option<bool>("--quick") { Description = "Run experiments on the bundled data subsets with fewer epochs." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "How many submissions to grade at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var force = new Option<bool>("--force") { Description = "Grade every submission again, even those whose results are final and current." };
        var deadline = new Option<double?>("--deadline") { Description = "The most minutes one submission's grading may take, build included (default: from the checks' time limits); past it the submission is recorded as timed out and retried on the next run." };
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Grade unconfined, without bubblewrap (only for code you trust)." };
        var slurm = new Option<bool>("--slurm") { Description = "Hand the gradings to Slurm as one job array (one task per submission, at most --jobs at once, each with the deadline as its time limit) and wait for it; paths must be shared with the compute nodes." };
        var sbatch = new Option<string[]>("--sbatch-arg") { Description = "With --slurm: an extra sbatch option, passed as given (repeat it: --sbatch-arg=--partition=gpu --sbatch-arg=--account=cs231)." };
        var command = new Command("batch", "Grade a folder of submissions, N at a time, resumably (finished ones are kept unless --force): per-student result files, grades.csv and class-summary.html. Exits 1 when some submission could not be graded to the end (rerun to retry).")
        {
            input, output, assignment, only, checksOnly, quick, jobs, force, deadline, noSandbox, slurm, sbatch,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = RepositoryPaths.From(parse.GetValue(repository));
            var source = Path.GetFullPath(parse.GetValue(input)!);
            var target = Path.GetFullPath(parse.GetValue(output)!);
            if ((target + Path.DirectorySeparatorChar).StartsWith(source + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new IOException($"--out ({target}) is inside the submissions folder; choose a folder outside it, or it would be graded as a submission.");
            }

            var scope = parse.GetValue(checksOnly) ? GradingScope.Checks : GradingScope.Everything;
            var checks = CheckCommands.Select(parse.GetValue(only), parse.GetValue(assignment), scope);
            var passed = new List<string>();
            if (parse.GetValue(assignment) is { Length: > 0 } a)
            {
                passed.AddRange(["--assignment", a]);
            }

            if (parse.GetValue(only) is { Length: > 0 } ids)
            {
                passed.AddRange(["--only", .. ids]);
            }

            if (parse.GetValue(quick) && scope != GradingScope.Checks)
            {
                passed.Add("--quick");
            }

            if (parse.GetValue(noSandbox))
            {
                passed.Add("--no-sandbox");
            }
            else
            {
                // Refuses now, with the reason, rather than once per submission, where no sandbox can run.
                _ = WorkerSandbox.Required(paths, source, noSandbox: false);
            }

            if (parse.GetValue(slurm))
            {
                // Says at once when the cluster cannot take the job, rather than after sbatch's minutes of retries.
                SlurmArray.Preflight();
            }

            DataPreflight.Ensure(checks, new Dictionary<string, string> { [RunSettings.Quick] = passed.Contains("--quick") ? "true" : "false", [RunSettings.Repository] = paths.Root });
            var limit = parse.GetValue(deadline) is { } minutes ? TimeSpan.FromMinutes(minutes) : BatchSettings.DefaultDeadline(checks, options.TimeLimitScale);
            var settings = new BatchSettings(paths, target, checks, scope == GradingScope.Checks ? "check" : "grade", passed, parse.GetValue(jobs), parse.GetValue(force), limit)
            {
                // Each task holds the grading host and one worker: its heap cap, the native allowance above it, and the host.
                Slurm = parse.GetValue(slurm) ? new SlurmOptions(parse.GetValue(sbatch) ?? [], options.WorkerMemoryLimitMegabytes + 2048) : null,
            };
            var work = Path.Combine(target, ".work");
            var submissions = SubmissionDiscovery.Find(source, work);
            Console.WriteLine($"Grading {submissions.Count} submissions from {source}, {settings.Jobs} at a time{(settings.Slurm is null ? "" : " as a Slurm job array")}, into {target} (deadline {limit.TotalMinutes:0.#} min each).");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var runner = new BatchRunner(settings, WorkerCommand.ForCurrentProcess());
            var records = await runner.RunAsync(submissions, cancellationToken).ConfigureAwait(false);
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }

            var results = ClassResult.Load(target, records);
            var csv = GradesCsv.Write(target, results, checks);
            var summary = ClassSummary.Write(target, results, checks, $"{settings.Verb} {string.Join(' ', passed)}".Trim());
            var unfinished = records.Count(r => !r.IsFinal);
            var percent = records.Count == 0 ? 0 : records.Average(r => r.Percent);
            var gradedNow = records.Count - runner.Kept;
            var kept = runner.Kept > 0 ? $", {runner.Kept} kept from an earlier run" : "";
            Console.WriteLine($"{records.Count} submissions: {gradedNow} done in {clock.Elapsed.TotalSeconds:0} s ({gradedNow / Math.Max(clock.Elapsed.TotalMinutes, 1e-9):0.#} per minute){kept}; "
                + string.Join(", ", records.GroupBy(r => GradesCsv.Status(r.Status)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))
                + $"; mean score {percent:0.#} %. Wrote {csv} and {summary}.");
            if (unfinished > 0)
            {
                Console.Error.WriteLine($"autograder: {unfinished} submission(s) could not be graded to the end (timed out or the grader failed; see class-summary.html). Run the same command again to retry them; finished ones are kept.");
                return 1;
            }

            return 0;
        });
        return command;
    }
}
