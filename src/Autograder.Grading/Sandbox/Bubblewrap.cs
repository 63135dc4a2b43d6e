using System.Diagnostics;

namespace Autograder.Grading.Sandbox;

/// <summary>Runs a program inside a bubblewrap sandbox (<c>bwrap</c>, Debian's <c>bubblewrap</c> package).</summary>
/// <remarks>
/// bubblewrap is the well-kept tool for this (Flatpak's sandbox): unprivileged user namespaces, no setuid, and every mount
/// spelled out. The sandboxed program runs as an unprivileged user with no capabilities, in new user, PID, network, IPC,
/// UTS and cgroup namespaces, in a new session, killed with its parent; when its main process ends, the PID namespace ends
/// and takes every process it started with it (a detached <c>setsid</c> child included).
/// </remarks>
public static class Bubblewrap
{
    private static readonly Lazy<string?> Unavailable = new(Probe);
    private static readonly string[] SystemFiles = ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/localtime"];

    /// <summary>Gets why bubblewrap cannot run here, or null when it can.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    /// <summary>Gets the path of bwrap when installed: <c>AUTOGRADER_BWRAP</c> when set (an install elsewhere), else the usual places.</summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("AUTOGRADER_BWRAP") is { Length: > 0 } explicitPath
        ? (File.Exists(explicitPath) ? explicitPath : null)
        : new[] { "/usr/bin/bwrap", "/usr/local/bin/bwrap" }.FirstOrDefault(File.Exists);

    /// <summary>The command line that runs <paramref name="program"/> with <paramref name="arguments"/> under <paramref name="policy"/>.</summary>
    /// <param name="policy">What the program may see and use.</param>
    /// <param name="program">The program's path (it must be inside a read-only or writable folder of the policy).</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Its working folder inside the sandbox (default /tmp).</param>
    /// <param name="scratch">A private folder of the host's where replaced files' texts are written (see <see cref="SandboxPolicy.Replaced"/>).</param>
    public static ProcessStartInfo StartInfo(SandboxPolicy policy, string program, IEnumerable<string> arguments, string scratch, string workingDirectory = "/tmp")
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(arguments);
        var bwrap = Executable ?? throw new InvalidOperationException("bubblewrap (bwrap) is not installed.");
        var start = new ProcessStartInfo(bwrap) { UseShellExecute = false };
        foreach (var argument in Arguments(policy, scratch, workingDirectory).Append("--").Append(program).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the host's environment reaches the sandbox (--clearenv); bwrap itself needs none of it.
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        return start;
    }

    /// <summary>bwrap's options for <paramref name="policy"/>, in mount order (later binds sit on top of earlier ones).</summary>
    public static IReadOnlyList<string> Arguments(SandboxPolicy policy, string scratch, string workingDirectory = "/tmp")
    {
        ArgumentNullException.ThrowIfNull(policy);
        var args = new List<string>
        {
            "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--disable-userns", "--die-with-parent", "--new-session", "--uid", "65534", "--gid", "65534", "--cap-drop", "ALL",
            "--hostname", "sandbox", "--clearenv",
            "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/sbin", "/sbin",
            "--dev", "/dev", "--proc", "/proc", "--size", policy.TempSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tmpfs", "/tmp",
        };
        if (Directory.Exists("/usr/lib64"))
        {
            args.AddRange(["--symlink", "usr/lib64", "/lib64"]);
        }

        // The dynamic loader needs its cache to find libraries in multiarch folders (/usr/lib/x86_64-linux-gnu).
        foreach (var file in SystemFiles.Where(File.Exists))
        {
            args.AddRange(["--ro-bind", file, file]);
        }

        foreach (var path in policy.ReadOnly.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            args.AddRange(["--ro-bind", path, path]);
        }

        foreach (var (inside, host) in policy.ReadOnlyAt)
        {
            args.AddRange(["--ro-bind", host, inside]);
        }

        foreach (var path in policy.Writable.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            args.AddRange(["--bind", path, path]);
        }

        var index = 0;
        foreach (var (hidden, text) in policy.Replaced)
        {
            var shown = Path.Combine(scratch, $"replaced-{index++}{Path.GetExtension(hidden)}");
            File.WriteAllText(shown, text);
            args.AddRange(["--ro-bind", shown, hidden]);
        }

        foreach (var (name, value) in policy.Environment)
        {
            args.AddRange(["--setenv", name, value]);
        }

        args.AddRange(["--chdir", workingDirectory]);
        return args;
    }

    /// <summary>Runs <c>true</c> in a minimal sandbox: bwrap may be installed yet refused namespaces (a container, a hardened kernel).</summary>
    private static string? Probe()
    {
        if (Executable is null)
        {
            return "bubblewrap is not installed (Debian/Ubuntu: sudo apt-get install bubblewrap; or set AUTOGRADER_BWRAP to its path)";
        }

        try
        {
            var start = StartInfo(new SandboxPolicy(), "/usr/bin/true", [], Path.GetTempPath());
            start.RedirectStandardError = true;
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"bubblewrap could not create its namespaces here ({error.Trim()}); unprivileged user namespaces may be disabled (sysctl kernel.unprivileged_userns_clone=1)";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"bubblewrap could not be started ({e.Message})";
        }
    }
}
