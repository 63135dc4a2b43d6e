using System.Diagnostics;
using System.Text;
using Autograder.Grading.Checks;
using Autograder.Grading.Sandbox;

namespace Autograder.Grading.Protocol;

/// <summary>The host side: runs probes in a worker process that loads an implementation, with a time limit per probe.</summary>
/// <remarks>
/// One worker serves the probes in order. A probe that runs past its limit gets the worker killed; one that kills the worker
/// (Environment.Exit, FailFast, stack overflow, the memory limit) is reported as crashed; either way a fresh worker serves the
/// remaining probes. The worker's heap is capped with DOTNET_GCHeapHardLimit, and its output is kept (bounded) for diagnosis.
/// With a <see cref="Sandbox"/>, each worker runs in bubblewrap with a copy of the Homework.dll, sees only what the policy binds
/// and its own probe folder, and its native memory and processes are capped too (see <see cref="ResourceLimits"/>).
/// </remarks>
/// <param name="command">How to start a worker.</param>
/// <param name="homeworkPath">The Homework.dll the worker loads.</param>
/// <param name="settings">The run's settings, passed to every probe (see <see cref="RunSettings"/>).</param>
/// <param name="memoryLimitBytes">The worker's heap cap.</param>
public sealed class ProbeRunner(WorkerCommand command, string homeworkPath, IReadOnlyDictionary<string, string>? settings = null, long memoryLimitBytes = 3L << 30)
{
    private const int OutputLimit = 16 * 1024;

    /// <summary>Native memory a worker may use beyond its heap cap (the runtime, the JIT, image decoding).</summary>
    private const long NativeAllowance = 1L << 30;

    /// <summary>Gets or sets the factor every probe's time limit is multiplied by (slow graders).</summary>
    public double TimeLimitScale { get; set; } = 1.0;

    /// <summary>Gets the sandbox workers run in (the grader's own files, the runtime and the data they may read); null runs them unconfined.</summary>
    public SandboxPolicy? Sandbox { get; init; }

    /// <summary>Runs every probe; returns, per check id, the report and the observation (when completed).</summary>
    /// <param name="probes">The checks and their seeds, in order.</param>
    /// <param name="progress">Told what long probes report about their progress.</param>
    /// <param name="cancellationToken">Stops between and during probes (the worker is killed).</param>
    public IReadOnlyDictionary<string, (ProbeReport Report, Observation? Observation)> Run(
        IReadOnlyList<(CheckInfo Info, long Seed)> probes, IProgress<ProbeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probes);
        // A private folder (mode 0700): the probes' answers, and the sandbox's copy of the submission and its replaced files.
        var root = Directory.CreateTempSubdirectory("autograder-probes-").FullName;
        var directory = Directory.CreateDirectory(Path.Combine(root, "probes")).FullName;
        var results = new Dictionary<string, (ProbeReport, Observation?)>();
        try
        {
            Worker? worker = null;
            foreach (var (info, seed) in probes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                worker ??= Start(root, directory);
                var report = worker.Ask(info with { TimeLimit = info.TimeLimit * TimeLimitScale }, seed, directory, progress, cancellationToken);
                if (report.Status is ProbeStatus.TimedOut or ProbeStatus.Crashed)
                {
                    worker.Dispose();
                    worker = null;
                }

                results[info.Id] = ReadObservation(report, Path.Combine(directory, info.Id + ".npz"));
            }

            worker?.Dispose();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return results;
    }

    /// <summary>The observation the worker wrote, or an errored report when it cannot be read (the worker runs student code: the file is not trusted).</summary>
    private static (ProbeReport, Observation?) ReadObservation(ProbeReport report, string npz)
    {
        if (report.Status != ProbeStatus.Completed || !File.Exists(npz))
        {
            return (report, null);
        }

        if (new FileInfo(npz).LinkTarget is not null)
        {
            return (report with { Status = ProbeStatus.Errored, Message = "the worker's observation is a link, not a file: it was not read." }, null);
        }

        try
        {
            return (report, Observation.Load(npz));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (report with { Status = ProbeStatus.Errored, Message = $"the worker's observation could not be read: {e.Message}" }, null);
        }
    }

    private Worker Start(string root, string directory)
    {
        var homework = homeworkPath;
        if (Sandbox is not null)
        {
            // The worker gets its own copy: it sees neither the submission's folder nor the build cache.
            var submission = Path.Combine(root, "submission");
            homework = Path.Combine(submission, "Homework.dll");
            if (!File.Exists(homework))
            {
                Directory.CreateDirectory(submission);
                File.Copy(homeworkPath, homework);
                var symbols = Path.ChangeExtension(homeworkPath, ".pdb");
                if (File.Exists(symbols))
                {
                    File.Copy(symbols, Path.Combine(submission, "Homework.pdb"));
                }
            }
        }

        var arguments = command.Prefix.Concat(["worker", "--impl", homework, "--dir", directory])
            .Concat((settings ?? new Dictionary<string, string>()).SelectMany(s => new[] { "--setting", $"{s.Key}={s.Value}" }));
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = $"0x{memoryLimitBytes:X}",
            ["DOTNET_gcConcurrent"] = "0",
        };
        ProcessStartInfo start;
        ResourceLimits? limits = null;
        if (Sandbox is { } policy)
        {
            start = Bubblewrap.StartInfo(policy.With(readOnly: [Path.GetDirectoryName(homework)!], writable: [directory], environment: environment), command.FileName, arguments, root);
            limits = ResourceLimits.Apply(start, memoryLimitBytes + NativeAllowance, policy.ProcessLimit);
        }
        else
        {
            start = new ProcessStartInfo(command.FileName);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        try
        {
            return new Worker(Process.Start(start) ?? throw new InvalidOperationException("Could not start the worker process."), limits);
        }
        catch
        {
            limits?.Dispose();
            throw;
        }
    }

    private sealed class Worker : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly ResourceLimits? _limits;

        public Worker(Process process, ResourceLimits? limits)
        {
            _process = process;
            _limits = limits;

            // Read raw chunks, not lines: a flood without newlines must not grow the host's memory.
            _ = Task.Run(() => Drain(_process.StandardOutput.BaseStream));
            _ = Task.Run(() => Drain(_process.StandardError.BaseStream));
        }

        public ProbeReport Ask(CheckInfo info, long seed, string directory, IProgress<ProbeProgress>? progress, CancellationToken cancellationToken)
        {
            var reportPath = Path.Combine(directory, info.Id + ".json");
            var progressPath = Path.Combine(directory, info.Id + ".progress");
            File.Delete(reportPath);
            File.Delete(progressPath);
            var lastProgress = DateTime.MinValue;
            var clock = Stopwatch.StartNew();
            try
            {
                _process.StandardInput.WriteLine($"{info.Id} {seed}");
                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                return Crashed(info, clock);
            }

            while (!File.Exists(reportPath))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    Kill();
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (progress is not null && File.Exists(progressPath) && File.GetLastWriteTimeUtc(progressPath) is var written && written != lastProgress)
                {
                    lastProgress = written;
                    if (ProbeProgress.TryLoad(progressPath, info.Id) is { } update)
                    {
                        progress.Report(update);
                    }
                }

                if (_process.HasExited)
                {
                    // The answer may have landed just before the exit.
                    return File.Exists(reportPath) ? ProbeReport.Load(reportPath, info.Id) : Crashed(info, clock);
                }

                if (clock.Elapsed > info.TimeLimit)
                {
                    Kill();
                    return new ProbeReport(info.Id, ProbeStatus.TimedOut, $"did not finish within {info.TimeLimit.TotalSeconds:0.#} s (an endless loop, or far too slow); the worker was stopped.", "", clock.Elapsed.TotalMilliseconds);
                }

                Thread.Sleep(2);
            }

            return ProbeReport.Load(reportPath, info.Id);
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(2000))
                {
                    Kill();
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                Kill();
            }

            _process.Dispose();
            _limits?.Dispose();
        }

        private ProbeReport Crashed(CheckInfo info, Stopwatch clock)
        {
            _process.WaitForExit(2000);
            var code = _process.HasExited ? _process.ExitCode : -1;
            string tail;
            lock (_output)
            {
                tail = _output.ToString().Trim();
            }

            var reason = tail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) ? "a stack overflow (unbounded recursion?)"
                : tail.Contains("OutOfMemory", StringComparison.Ordinal) || tail.Contains("GCHeapHardLimit", StringComparison.Ordinal) ? "running out of memory (the worker's heap is capped)"
                : _limits?.HitMemoryLimit == true ? "running out of memory (the worker's memory, native allocations included, is capped)"
                : $"the process exiting with code {code} (Environment.Exit, FailFast or a crash)";
            var lastLines = string.Join("\n", tail.Split('\n').TakeLast(5));
            return new ProbeReport(info.Id, ProbeStatus.Crashed, $"the worker stopped during this check: {reason}.", lastLines, clock.Elapsed.TotalMilliseconds);
        }

        private void Kill()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
            }
        }

        private async Task Drain(Stream stream)
        {
            var buffer = new byte[8192];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                {
                    lock (_output)
                    {
                        if (_output.Length < OutputLimit)
                        {
                            _output.Append(Encoding.UTF8.GetString(buffer, 0, Math.Min(read, OutputLimit - _output.Length)));
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The worker was killed: nothing more to read.
            }
        }
    }
}
