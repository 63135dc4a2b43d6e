using System.Diagnostics;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Ctrl+C (SIGINT) during an experiment: the host stops its worker, removes its temporary folder and exits with 130.</summary>
[NonParallelizable]
public sealed class CancellationTests
{
    [Test]
    public void Interrupting_an_experiment_stops_the_worker_and_leaves_nothing_behind()
    {
        // The host gets a temporary folder of its own, so other graders on the machine (a build grading the starter) do not count.
        var temporary = Directory.CreateTempSubdirectory("autograder-cancel-tmp-").FullName;
        var output = Directory.CreateTempSubdirectory("autograder-cancel-").FullName;
        // Through env --default-signal=INT, which then execs the host under the same pid: a shell that starts a job in the
        // background (nohup … &) makes it ignore SIGINT, the runtime keeps an inherited "ignore", and Ctrl+C would never arrive.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(Implementations.Grader().FileName);
        start.Environment["TMPDIR"] = temporary;
        foreach (var argument in Implementations.Grader().Prefix.Concat(["experiments", "run", "--repo", Repository.Root, "--impl", Implementations.Reference(), "--quick", "--out", output]))
        {
            start.ArgumentList.Add(argument);
        }

        using var host = Process.Start(start)!;
        var errors = host.StandardError.ReadToEndAsync();

        // Wait for the first progress line: the worker is training.
        while (host.StandardOutput.ReadLine() is { } line && !line.Contains("epoch", StringComparison.Ordinal))
        {
        }

        var workers = Workers(host.Id);
        Assert.That(workers, Is.Not.Empty, "a worker is running");
        using (var kill = Process.Start("kill", ["-INT", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        _ = host.StandardOutput.ReadToEndAsync();
        host.WaitForExit();
        Assert.Multiple(() =>
        {
            Assert.That(host.ExitCode, Is.EqualTo(130));
            Assert.That(errors.Result, Does.Contain("cancelled"));
            Assert.That(workers.Where(w => !HasExited(w)), Is.Empty, "the worker was stopped");
            Assert.That(Directory.GetDirectories(temporary, "autograder-probes-*"), Is.Empty, "the probe folder was removed");
        });
        Directory.Delete(output, recursive: true);
        Directory.Delete(temporary, recursive: true);
    }

    /// <summary>The host's worker processes (children whose command line has "autograder.dll worker"), found through /proc; other graders on the machine are not counted.</summary>
    private static List<int> Workers(int host) =>
        [.. Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => int.TryParse(n, out _)).Select(int.Parse!)
            .Where(pid => Read($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains("autograder.dll worker", StringComparison.Ordinal) && ParentOf(pid) == host)];

    /// <summary>The parent's pid: the field after the state in /proc/PID/stat (the command name before it is in parentheses and may hold spaces).</summary>
    private static int ParentOf(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], out var parent) ? parent : -1;
    }

    private static bool HasExited(int pid) => !File.Exists($"/proc/{pid}/cmdline") || Read($"/proc/{pid}/cmdline").Length == 0;

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
