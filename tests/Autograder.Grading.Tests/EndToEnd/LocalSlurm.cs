namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// A real single-node Slurm for the batch's Slurm tests: the one configured here when <c>sinfo</c> answers; otherwise, as
/// root with Debian's <c>slurm-wlm</c> and <c>munge</c> (installed once with apt-get when missing, as CI does), one started on
/// this machine from a configuration under the temp folder. Where neither can be had, the tests are skipped with the reason.
/// </summary>
internal static class LocalSlurm
{
    private static readonly Lazy<(string? Config, string? WhyNot)> Cluster = new(Start);

    /// <summary>How long one Slurm or munge command may take: with its daemon down, a client retries for minutes.</summary>
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(10);

    /// <summary>The SLURM_CONF to give the batch (null: the machine's own), or ignores the calling test saying why there is no Slurm.</summary>
    public static string? Config()
    {
        var (config, whyNot) = Cluster.Value;
        if (whyNot is not null)
        {
            Assert.Ignore(whyNot);
        }

        return config;
    }

    private static (string? Config, string? WhyNot) Start()
    {
        if (File.Exists("/usr/bin/sinfo") && Environment.GetEnvironmentVariable("SLURM_CONF") is null && File.Exists("/etc/slurm/slurm.conf") && ChildProcess.Run("/usr/bin/sinfo", ["-h"], timeout: CommandLimit).ExitCode == 0)
        {
            return (null, null);
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return (null, "Slurm is not running here and only root can start a local one (slurmctld, slurmd, munged): run the tests as root with Debian's slurm-wlm and munge, or on a machine where sinfo answers.");
        }

        if (!File.Exists("/usr/sbin/slurmctld") || !File.Exists("/usr/sbin/munged"))
        {
            var (installed, log) = ChildProcess.Run("/usr/bin/apt-get", ["install", "-y", "--no-install-recommends", "slurm-wlm", "munge"]);
            if (installed != 0)
            {
                return (null, $"Slurm is not installed and 'apt-get install slurm-wlm munge' failed (exit {installed}): {log[^Math.Min(log.Length, 400)..]}");
            }
        }

        var root = Path.Combine(Path.GetTempPath(), "autograder-slurm");
        foreach (var folder in new[] { "state", "spool", "log" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        var host = ChildProcess.Run("hostname", ["-s"]).Output.Trim();
        var memory = (int)(long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024) - 1024;
        var config = Path.Combine(root, "slurm.conf");
        File.WriteAllText(config, $"""
            ClusterName=autograder
            SlurmctldHost={host}(127.0.0.1)
            SlurmUser=root
            SlurmdUser=root
            AuthType=auth/munge
            StateSaveLocation={root}/state
            SlurmdSpoolDir={root}/spool
            SlurmctldPidFile={root}/slurmctld.pid
            SlurmdPidFile={root}/slurmd.pid
            SlurmctldLogFile={root}/log/slurmctld.log
            SlurmdLogFile={root}/log/slurmd.log
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_Core
            ReturnToService=2
            MpiDefault=none
            MessageTimeout=5
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            NodeName={host} NodeAddr=127.0.0.1 CPUs={Environment.ProcessorCount} RealMemory={memory} State=UNKNOWN
            PartitionName=grading Nodes={host} Default=YES MaxTime=INFINITE State=UP

            """);
        var environment = new Dictionary<string, string?> { ["SLURM_CONF"] = config };
        if (!File.Exists("/etc/munge/munge.key"))
        {
            ChildProcess.Run("/usr/sbin/mungekey", ["--create"]);
            ChildProcess.Run("chown", ["munge:munge", "/etc/munge/munge.key"]);
        }

        Directory.CreateDirectory("/run/munge");
        ChildProcess.Run("chown", ["munge:munge", "/run/munge"]);
        if (!MungeAnswers())
        {
            // A socket left by a munged that is gone (a rebooted or restored machine) makes munged refuse to start and every
            // Slurm command retry for minutes: clear it and start a fresh one.
            ChildProcess.Run("pkill", ["-x", "munged"]);
            foreach (var stale in Directory.EnumerateFiles("/run/munge"))
            {
                File.Delete(stale);
            }

            var (munged, mungeLog) = ChildProcess.Run("runuser", ["-u", "munge", "--", "/usr/sbin/munged"], timeout: CommandLimit);
            if (munged != 0 || !MungeAnswers())
            {
                return (null, $"munged (Slurm's authentication) did not start: {mungeLog.Trim()}");
            }
        }

        ChildProcess.Run("pkill", ["-x", "slurmd"]);
        ChildProcess.Run("pkill", ["-x", "slurmctld"]);
        Thread.Sleep(500);
        ChildProcess.Run("/usr/sbin/slurmctld", [], environment: environment);
        ChildProcess.Run("/usr/sbin/slurmd", [], environment: environment);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var (exitCode, state) = ChildProcess.Run("/usr/bin/sinfo", ["-h", "-o", "%T"], environment: environment, timeout: CommandLimit);
            if (exitCode == 0 && state.Trim() is "idle" or "mixed" or "allocated")
            {
                // A node that is up may still fail to start jobs (a container without what slurmstepd needs): run one first.
                var (ran, job) = ChildProcess.Run("/usr/bin/srun", ["--time=1", "--mem=64M", "/bin/true"], environment: environment, timeout: TimeSpan.FromSeconds(60));
                return ran == 0 ? (config, null) : (null, $"a local Slurm was started but did not run a one-second job (srun exit {ran}): {job.Trim()}");
            }

            Thread.Sleep(500);
        }

        var logs = string.Join("\n", new[] { "slurmctld.log", "slurmd.log" }.Select(f => Path.Combine(root, "log", f)).Where(File.Exists).Select(f => string.Join("\n", File.ReadLines(f).TakeLast(5))));
        return (null, $"a local Slurm was started but its node did not come up within 30 s:\n{logs}");
    }

    /// <summary>Whether a credential made by munge is decoded by it: the daemon is up and answering.</summary>
    private static bool MungeAnswers() => ChildProcess.Run("bash", ["-c", "munge -n | unmunge"], timeout: CommandLimit).ExitCode == 0;
}
