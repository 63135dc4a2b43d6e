using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Autograder.Host.Batch;

/// <summary>How a batch hands its gradings to Slurm.</summary>
/// <param name="SbatchArguments">More <c>sbatch</c> options (a partition, an account, a QOS), passed as given.</param>
/// <param name="MemoryMegabytes">Each task's memory (<c>--mem</c>): the worker's heap cap, its native allowance and the grading host.</param>
internal sealed record SlurmOptions(IReadOnlyList<string> SbatchArguments, int MemoryMegabytes);

/// <summary>One grading in a Slurm job array: the folder it writes into, and the command line that grades.</summary>
/// <param name="Staging">The grading's output folder (its <c>grader.log</c> and exit code go there too).</param>
/// <param name="Command">The program and its arguments.</param>
internal sealed record SlurmTask(string Staging, IReadOnlyList<string> Command);

/// <summary>
/// Runs gradings as one Slurm job array (<c>sbatch --wait --array=0-N%JOBS</c>): task i runs the command line stored,
/// NUL-separated, in <c>task-i.args</c>, and records its exit code beside its results; Slurm enforces each task's time
/// (the batch's deadline) and memory. Cancelling the batch cancels the job (<c>scancel</c>).
/// </summary>
/// <remarks>
/// The grader, the repository, the submissions and the batch's output folder must be at the same paths on the compute
/// nodes (a shared file system), as on any cluster that runs a program over files. No accounting database is needed:
/// exit codes travel in files, and a task that Slurm stopped leaves none.
/// </remarks>
internal sealed class SlurmArray(SlurmOptions options, string folder, TimeSpan deadline, int concurrency)
{
    private const string ExitCodeFile = ".exit-code";

    /// <summary>How long <see cref="Preflight"/> waits for the controller's answer.</summary>
    public static readonly TimeSpan PreflightLimit = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Asks the Slurm controller whether it is up (<c>scontrol ping</c>, bounded by <see cref="PreflightLimit"/>) before any
    /// submission is prepared: with the controller down or munge not running, <c>sbatch</c> would retry for minutes before
    /// its own error.
    /// </summary>
    /// <exception cref="InvalidOperationException">Slurm's client tools are missing, or the controller did not answer that it is up.</exception>
    public static void Preflight()
    {
        using (var process = StartClient("scontrol", ["ping"]))
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(PreflightLimit))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"--slurm: the Slurm controller did not answer 'scontrol ping' within {PreflightLimit.TotalSeconds:0} s: is munge running (munge -n | unmunge) and slurmctld reachable? Fix the cluster, or grade without --slurm.");
            }

            var said = string.Join(' ', $"{output.Result} {errors.Result}".Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('*')));
            if (process.ExitCode != 0 || !said.Contains(" is UP", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"--slurm: the Slurm controller is not up ('scontrol ping' exited with {process.ExitCode}: {said}). Start slurmctld (and munge), check SLURM_CONF, or grade without --slurm.");
            }
        }
    }

    /// <summary>Submits the tasks, waits for all of them, and returns the exit code of each that finished, by staging folder.</summary>
    /// <exception cref="InvalidOperationException">sbatch is missing or refused the job (its message is included).</exception>
    public async Task<IReadOnlyDictionary<string, int>> RunAsync(IReadOnlyList<SlurmTask> tasks, CancellationToken cancellationToken)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tasks.Count == 0)
        {
            return codes;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        for (var i = 0; i < tasks.Count; i++)
        {
            File.Delete(Path.Combine(tasks[i].Staging, ExitCodeFile));
            File.WriteAllText(Path.Combine(folder, $"task-{i}.args"), string.Concat(new[] { tasks[i].Staging }.Concat(tasks[i].Command).Select(a => a + "\0")));
        }

        var script = Path.Combine(folder, "task.sh");
        File.WriteAllText(script, Script.Replace("FOLDER", folder, StringComparison.Ordinal).ReplaceLineEndings("\n"));
        var minutes = (int)Math.Max(1, Math.Ceiling(deadline.TotalMinutes));
        string[] arguments =
        [
            "--parsable", "--wait", "--job-name=autograder-batch", $"--array=0-{tasks.Count - 1}%{Math.Max(1, concurrency)}",
            $"--time={minutes}", $"--mem={options.MemoryMegabytes}M", "--cpus-per-task=1", $"--output={Path.Combine(folder, "slurm-%a.out")}",
            $"--chdir={folder}", .. options.SbatchArguments, script,
        ];
        await SubmitAndWaitAsync(arguments, cancellationToken).ConfigureAwait(false);
        foreach (var task in tasks)
        {
            var file = Path.Combine(task.Staging, ExitCodeFile);
            if (File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            {
                codes[task.Staging] = code;
                File.Delete(file);
            }
        }

        return codes;
    }

    private static async Task SubmitAndWaitAsync(string[] arguments, CancellationToken cancellationToken)
    {
        using (var process = StartClient("sbatch", arguments))
        {
            var errors = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            };
            process.BeginErrorReadLine();
            var job = (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Split(';')[0].Trim();
            using var cancel = cancellationToken.Register(() =>
            {
                if (job is { Length: > 0 })
                {
                    using var scancel = Process.Start("scancel", [job]);
                    scancel?.WaitForExit();
                }
            });
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrEmpty(job))
            {
                string message;
                lock (errors)
                {
                    message = errors.ToString().Trim();
                }

                throw new InvalidOperationException($"--slurm: sbatch did not accept the job array (exit code {process.ExitCode}): {message}");
            }
        }
    }

    /// <summary>Starts one of Slurm's client tools with its output redirected; a missing tool says to install them.</summary>
    private static Process StartClient(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"--slurm: {program} could not be started ({e.Message}); install Slurm's client tools on this machine, or grade without --slurm.", e);
        }
    }

    private const string Script = """
        #!/usr/bin/env bash
        # One grading of an autograder batch, as Slurm array task $SLURM_ARRAY_TASK_ID: the NUL-separated task-N.args holds
        # the grading's output folder, then the command line. Written by 'autograder batch --slurm'.
        set -u
        export NO_COLOR=1
        mapfile -d '' entry < "FOLDER/task-$SLURM_ARRAY_TASK_ID.args"
        staging=${entry[0]}
        "${entry[@]:1}" > "$staging/grader.log" 2>&1
        echo $? > "$staging/.exit-code"

        """;
}
