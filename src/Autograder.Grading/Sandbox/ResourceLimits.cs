using System.Diagnostics;
using System.Globalization;

namespace Autograder.Grading.Sandbox;

/// <summary>Memory and process limits for a process and everything it starts: a cgroup where one is writable, and always RLIMIT_DATA.</summary>
/// <remarks>
/// The .NET heap cap (DOTNET_GCHeapHardLimit) does not cover native allocations (<c>Marshal.AllocHGlobal</c>, malloc).
/// RLIMIT_DATA does (private writable memory), and .NET tolerates it, unlike RLIMIT_AS (the GC reserves far more address
/// space than it uses). A cgroup (v2, or v1's memory and pids controllers) adds a cap on the whole tree, a cap on the number
/// of processes, and a way to kill what is left. The process joins the cgroup and sets its limit in a shell before it
/// execs the program, so not one allocation runs outside them.
/// </remarks>
public sealed class ResourceLimits : IDisposable
{
    private const string Root = "/sys/fs/cgroup";
    private static int _created;
    private readonly List<string> _groups = [];

    private ResourceLimits(long memoryBytes, int processes)
    {
        // Unique on this machine while the process lives: its id and a counter.
        var name = $"autograder-{Environment.ProcessId}-{Interlocked.Increment(ref _created)}";
        if (File.Exists(Path.Combine(Root, "cgroup.controllers")))
        {
            TryCreate(Path.Combine(Root, name), ("memory.max", memoryBytes), ("memory.swap.max", 0), ("pids.max", processes));
        }
        else
        {
            TryCreate(Path.Combine(Root, "memory", name), ("memory.limit_in_bytes", memoryBytes), ("memory.memsw.limit_in_bytes", memoryBytes));
            TryCreate(Path.Combine(Root, "pids", name), ("pids.max", processes));
        }
    }

    /// <summary>Gets whether a cgroup holds the process (else only RLIMIT_DATA limits it).</summary>
    public bool HasControlGroup => _groups.Count > 0;

    /// <summary>Gets whether the process tree was stopped by the cgroup's memory limit (an OOM kill).</summary>
    public bool HitMemoryLimit => _groups.Any(g =>
        (Read(Path.Combine(g, "memory.events")) is { } events && events.Split('\n').Any(l => l.StartsWith("oom_kill ", StringComparison.Ordinal) && l != "oom_kill 0"))
        || (Read(Path.Combine(g, "memory.failcnt")) is { } failures && failures.Trim() != "0"));

    /// <summary>Wraps <paramref name="start"/> so that the process it starts runs within the limits.</summary>
    /// <param name="start">What to start (its program and arguments are moved behind a shell that applies the limits).</param>
    /// <param name="memoryBytes">The memory cap.</param>
    /// <param name="processes">The cap on processes and threads (cgroup only).</param>
    public static ResourceLimits Apply(ProcessStartInfo start, long memoryBytes, int processes)
    {
        ArgumentNullException.ThrowIfNull(start);
        var limits = new ResourceLimits(memoryBytes, processes);
        var join = string.Concat(limits._groups.Select(g => $"echo $$ > '{g}/cgroup.procs' || exit 125; "));
        var kilobytes = Math.Max(1, memoryBytes >> 10).ToString(CultureInfo.InvariantCulture);
        var arguments = start.ArgumentList.ToList();
        start.ArgumentList.Clear();
        foreach (var argument in new[] { "-c", $"{join}ulimit -d {kilobytes} || exit 125; exec \"$@\"", "sh", start.FileName }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.FileName = "/bin/sh";
        return limits;
    }

    /// <summary>Kills whatever is still in the cgroup and removes it.</summary>
    public void Dispose()
    {
        foreach (var group in _groups)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var pids = (Read(Path.Combine(group, "cgroup.procs")) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
                foreach (var pid in pids)
                {
                    try
                    {
                        Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture)).Kill();
                    }
                    catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or System.ComponentModel.Win32Exception)
                    {
                        // Already gone.
                    }
                }

                try
                {
                    Directory.Delete(group);
                    break;
                }
                catch (IOException)
                {
                    Thread.Sleep(20);
                }
                catch (UnauthorizedAccessException)
                {
                    break;
                }
            }
        }
    }

    private static string? Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Removes the empty cgroups of graders that were killed before they could (their process is gone).</summary>
    private static void RemoveAbandoned(string parent)
    {
        foreach (var group in Directory.EnumerateDirectories(parent, "autograder-*"))
        {
            var parts = Path.GetFileName(group).Split('-');
            if (parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid) && !Directory.Exists($"/proc/{pid}"))
            {
                try
                {
                    Directory.Delete(group);
                }
                catch (IOException)
                {
                    // Still holds a process: left for its own grader, or for the next sweep.
                }
            }
        }
    }

    private void TryCreate(string group, params (string File, long Value)[] settings)
    {
        try
        {
            RemoveAbandoned(Path.GetDirectoryName(group)!);
            Directory.CreateDirectory(group);
            foreach (var (file, value) in settings)
            {
                var path = Path.Combine(group, file);
                if (File.Exists(path))
                {
                    File.WriteAllText(path, value.ToString(CultureInfo.InvariantCulture));
                }
            }

            _groups.Add(group);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not writable here (an unprivileged user, a read-only cgroupfs): RLIMIT_DATA still holds.
            try
            {
                Directory.Delete(group);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
