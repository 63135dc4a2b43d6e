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
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Jobs), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, submissions.Count), options, async (i, token) =>
        {
            var submission = submissions[i];
            var fingerprint = SubmissionFolder.Fingerprint(submission, key);
            var previous = BatchRecord.TryLoad(StudentFolder(submission.Id));
            var skipped = !settings.Force && previous is { IsFinal: true } && previous.Fingerprint == fingerprint;
            records[i] = skipped ? previous! : await GradeAsync(submission, fingerprint, token).ConfigureAwait(false);
            Report(records[i], submissions.Count, skipped);
        }).ConfigureAwait(false);
        return records;
    }

    private async Task<BatchRecord> GradeAsync(Submission submission, string fingerprint, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var work = Path.Combine(settings.Output, ".work");
        var staging = Path.Combine(work, "staging", submission.Id);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        var (status, reason) = (BatchStatus.Graded, "");
        try
        {
            var folder = SubmissionFolder.Prepare(submission, work);
            (status, reason) = await RunGraderAsync(submission, folder, staging, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            (status, reason) = (BatchStatus.Rejected, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            (status, reason) = (BatchStatus.GraderFailed, $"the batch could not grade it ({e.GetType().Name}: {e.Message}); it tries again when rerun.");
        }

        if (status is BatchStatus.Rejected or BatchStatus.TimedOut or BatchStatus.GraderFailed)
        {
            WriteErrored(staging, reason, submission.Id, clock.Elapsed);
        }

        var checks = StudentCheck.Load(staging);
        if (status == BatchStatus.Graded && checks.Count > 0 && checks.All(c => c.Message.StartsWith(Grader.NotCompiledMessage, StringComparison.Ordinal)))
        {
            (status, reason) = (BatchStatus.NotCompiled, checks[0].Message[Grader.NotCompiledMessage.Length..].Trim());
        }

        var record = new BatchRecord(submission.Id, submission.Name, status, checks.Sum(c => c.Score), checks.Sum(c => c.MaxScore), reason, fingerprint, Math.Round(clock.Elapsed.TotalSeconds, 1));
        var target = StudentFolder(submission.Id);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(staging, target);
        record.Save(target);
        if (Directory.Exists(Path.Combine(work, "sources", submission.Id)))
        {
            Directory.Delete(Path.Combine(work, "sources", submission.Id), recursive: true);
        }

        return record;
    }

    /// <summary>Runs one grading process into <paramref name="staging"/>; its output goes to <c>grader.log</c> there.</summary>
    private async Task<(BatchStatus Status, string Reason)> RunGraderAsync(Submission submission, string folder, string staging, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(grader.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in grader.Prefix.Concat([settings.Verb, "--repo", settings.Paths.Root, "--impl", folder, "--student-id", submission.Id, "--out", staging]).Concat(settings.Arguments))
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

        File.WriteAllText(Path.Combine(staging, "grader.log"), text);
        if (timedOut)
        {
            return (BatchStatus.TimedOut, $"grading took longer than the deadline of {settings.Deadline.TotalMinutes:0.#} minutes and was stopped; the batch tries again when rerun.");
        }

        var last = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        return process.ExitCode == 0 && File.Exists(Path.Combine(staging, "results.json"))
            ? (BatchStatus.Graded, "")
            : (BatchStatus.GraderFailed, $"the grader stopped with exit code {process.ExitCode} before writing results{(last.Length > 0 ? ": " + last : "")}; the batch tries again when rerun.");
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
