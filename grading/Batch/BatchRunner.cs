using System.Diagnostics;
using System.Text;
using Autograder.Grading;
using Autograder.Grading.Checks;
using Autograder.Grading.Protocol;
using Autograder.Host.Commands;

namespace Autograder.Host.Batch;

/// <summary>
/// Grades many submissions, <see cref="BatchSettings.Jobs"/> at a time, each by its own grading process
/// (<c>autograder check|grade --impl FOLDER --student-id ID</c>, sandboxed as usual) under a deadline, and keeps a record
/// of each in <c>OUT/students/ID/</c>.
/// </summary>
/// <remarks>
/// None is lost: a submission that cannot be opened, does not compile, outlives its deadline or stops its grader still gets
/// result files (every check errored, with the reason) and a record. Resumable: a grading writes into a staging folder that
/// is moved into place when complete, and the record is written last; a rerun skips submissions whose final record matches
/// their current content and settings, and grades the rest (new, changed, timed out, failed, or cut off when the batch
/// itself was stopped).
/// </remarks>
internal sealed class BatchRunner(BatchSettings settings, WorkerCommand grader)
{
    private const int LogLimit = 256 << 10;
    private readonly object _console = new();
    private int _done;
    private int _kept;

    /// <summary>Gets how many submissions the last run kept from an earlier one (final, and unchanged).</summary>
    public int Kept => _kept;

    /// <summary>Gets the folder of a student's results.</summary>
    public string StudentFolder(string id) => Path.Combine(settings.Output, "students", id);

    /// <summary>Grades every submission (skipping current final results unless forced) and returns their records, in order.</summary>
    public async Task<IReadOnlyList<BatchRecord>> RunAsync(IReadOnlyList<Submission> submissions, CancellationToken cancellationToken)
    {
        var key = settings.Key();
        var records = new BatchRecord[submissions.Count];
        var pending = new List<(int Index, string Fingerprint)>();
        for (var i = 0; i < submissions.Count; i++)
        {
            var fingerprint = SubmissionFolder.Fingerprint(submissions[i], key);
            var previous = BatchRecord.TryLoad(StudentFolder(submissions[i].Id));
            if (!settings.Force && previous is { IsFinal: true } && previous.Fingerprint == fingerprint)
            {
                records[i] = previous;
                Report(previous, submissions.Count, skipped: true);
            }
            else
            {
                pending.Add((i, fingerprint));
            }
        }

        if (settings.Slurm is { } slurm)
        {
            // One job array for all: each task runs the same grading command a local job would.
            var prepared = pending.Select(p => (p.Index, Grading: Prepare(submissions[p.Index], p.Fingerprint))).ToList();
            var runnable = prepared.Where(p => p.Grading.Folder is not null).Select(p => p.Grading).ToList();
            var outcomes = await new SlurmArray(slurm, Path.Combine(Work, "slurm"), settings.Deadline, settings.Jobs)
                .RunAsync([.. runnable.Select(g => new SlurmTask(g.Staging, [grader.FileName, .. GraderArguments(g)]))], cancellationToken).ConfigureAwait(false);
            foreach (var (index, grading) in prepared)
            {
                records[index] = Finish(grading, grading.Folder is null ? grading.Problem : Ended(grading.Staging, outcomes.TryGetValue(grading.Staging, out var code) ? code : null, $"did not finish within its Slurm time limit ({Math.Ceiling(settings.Deadline.TotalMinutes):0} minutes) or was cancelled; the batch tries again when rerun."));
                Report(records[index], submissions.Count, skipped: false);
            }

            return records;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Jobs), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending, options, async (p, token) =>
        {
            var grading = Prepare(submissions[p.Index], p.Fingerprint);
            var outcome = grading.Folder is null ? grading.Problem : await RunGraderAsync(grading, token).ConfigureAwait(false);
            records[p.Index] = Finish(grading, outcome);
            Report(records[p.Index], submissions.Count, skipped: false);
        }).ConfigureAwait(false);
        return records;
    }

    private string Work => Path.Combine(settings.Output, ".work");

    /// <summary>A fresh staging folder and the folder to build (a zip extracted), or why there is none.</summary>
    private PendingGrading Prepare(Submission submission, string fingerprint)
    {
        var clock = Stopwatch.StartNew();
        var staging = Path.Combine(Work, "staging", submission.Id);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            return new PendingGrading(submission, fingerprint, staging, SubmissionFolder.Prepare(submission, Work), default, clock);
        }
        catch (InvalidDataException e)
        {
            return new PendingGrading(submission, fingerprint, staging, null, (BatchStatus.Rejected, e.Message), clock);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PendingGrading(submission, fingerprint, staging, null, (BatchStatus.GraderFailed, $"the batch could not open it ({e.GetType().Name}: {e.Message}); it tries again when rerun."), clock);
        }
    }

    /// <summary>The grading command's arguments after the program: the verb, the submission, its student id and its staging folder, and the batch's selection.</summary>
    private IEnumerable<string> GraderArguments(PendingGrading grading) =>
        grader.Prefix.Concat([settings.Verb, "--repo", settings.Paths.Root, "--impl", grading.Folder!, "--student-id", grading.Submission.Id, "--out", grading.Staging]).Concat(settings.Arguments);

    /// <summary>How a grading process ended, from its exit code (null: it never finished) and what it wrote.</summary>
    private static (BatchStatus Status, string Reason) Ended(string staging, int? exitCode, string unfinished)
    {
        if (exitCode is not { } code)
        {
            return (BatchStatus.TimedOut, unfinished);
        }

        var log = Path.Combine(staging, "grader.log");
        var last = File.Exists(log) ? File.ReadLines(log).Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "" : "";
        return code == 0 && File.Exists(Path.Combine(staging, "results.json"))
            ? (BatchStatus.Graded, "")
            : (BatchStatus.GraderFailed, $"the grader stopped with exit code {code} before writing results{(last.Length > 0 ? ": " + (last.Length > 300 ? last[..300] + " …" : last) : "")}; the batch tries again when rerun.");
    }

    /// <summary>Completes a grading: result files for one that could not be graded, the status read from its results, the folder moved into place, the record written last.</summary>
    private BatchRecord Finish(PendingGrading grading, (BatchStatus Status, string Reason) outcome)
    {
        var (status, reason) = outcome;
        if (status is BatchStatus.Rejected or BatchStatus.TimedOut or BatchStatus.GraderFailed)
        {
            WriteErrored(grading.Staging, reason, grading.Submission.Id, grading.Clock.Elapsed);
        }

        var checks = StudentCheck.Load(grading.Staging);
        if (status == BatchStatus.Graded && checks.Count > 0 && checks.All(c => c.Message.StartsWith(Grader.NotCompiledMessage, StringComparison.Ordinal)))
        {
            (status, reason) = (BatchStatus.NotCompiled, checks[0].Message[Grader.NotCompiledMessage.Length..].Trim());
        }

        var id = grading.Submission.Id;
        var record = new BatchRecord(id, grading.Submission.Name, status, checks.Sum(c => c.Score), checks.Sum(c => c.MaxScore), reason, grading.Fingerprint, Math.Round(grading.Clock.Elapsed.TotalSeconds, 1));
        var target = StudentFolder(id);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(grading.Staging, target);
        record.Save(target);
        if (Directory.Exists(Path.Combine(Work, "sources", id)))
        {
            Directory.Delete(Path.Combine(Work, "sources", id), recursive: true);
        }

        return record;
    }

    /// <summary>Runs one grading process into its staging folder; its output goes to <c>grader.log</c> there.</summary>
    private async Task<(BatchStatus Status, string Reason)> RunGraderAsync(PendingGrading grading, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(grader.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in GraderArguments(grading))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the grader ({grader.FileName}).");
        var log = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Deadline);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        process.WaitForExit();
        string text;
        lock (log)
        {
            lock (errors)
            {
                text = log.Append(errors).ToString();
            }
        }

        File.WriteAllText(Path.Combine(grading.Staging, "grader.log"), text);
        return Ended(grading.Staging, timedOut ? null : process.ExitCode, $"grading took longer than the deadline of {settings.Deadline.TotalMinutes:0.#} minutes and was stopped; the batch tries again when rerun.");
    }

    /// <summary>Result files for a submission that could not be graded: every check errored, with the reason.</summary>
    private void WriteErrored(string staging, string reason, string id, TimeSpan elapsed)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(staging).Where(e => Path.GetFileName(e) != "grader.log"))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        var results = settings.Checks.Select(c => new CheckResult(c.Info, Outcome.Errored, 0, reason, Seeds.Public(c.Info.Id), TimeSpan.Zero)).ToList();
        GradingRun.Write(staging, new GradingOutcome(new Implementation(id, null, null, []), results, new Dictionary<string, Grading.Experiments.ExperimentSummary>(), elapsed));
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            if (buffer.Length < LogLimit)
            {
                buffer.AppendLine(line.Length > 4096 ? line[..4096] + " …" : line);
            }
        }
    }

    private void Report(BatchRecord record, int total, bool skipped)
    {
        var done = Interlocked.Increment(ref _done);
        if (skipped)
        {
            Interlocked.Increment(ref _kept);
        }

        var what = skipped ? "unchanged, kept" : record.Status switch
        {
            BatchStatus.Graded => $"{record.Score:0.##} / {record.MaxScore:0.##}",
            BatchStatus.NotCompiled => "does not compile",
            BatchStatus.Rejected => "rejected: " + record.Reason,
            BatchStatus.TimedOut => "timed out",
            _ => "grader failed: " + record.Reason,
        };
        lock (_console)
        {
            Console.WriteLine($"[{done}/{total}] {record.Id}: {what} ({record.Seconds:0.#} s)");
        }
    }
}
