namespace Autograder.Grading.Tests.EndToEnd;

/// <summary><c>batch --slurm</c> on a real single-node Slurm: the class is graded as one job array and comes out as the local batch grades it.</summary>
[NonParallelizable]
public sealed class BatchSlurmTests
{
    private static readonly string[] Only = ["--assignment", "a1", "--checks-only", "--only", "a1.fc_forward", "a1.fc_backward", "a1.relu_forward", "-j", "2"];

    [Test]
    public void A_class_graded_through_a_Slurm_job_array_matches_the_local_batch()
    {
        var config = LocalSlurm.Config();
        var root = Directory.CreateTempSubdirectory("autograder-batch-slurm-").FullName;
        var submissions = Path.Combine(root, "class");
        Implementations.Sources(Path.Combine(submissions, "ada"));
        Implementations.Sources(Path.Combine(submissions, "brian"), "starter");
        Implementations.Sources(Path.Combine(submissions, "chen"), bodies: new Dictionary<string, string> { ["FcBackward"] = "ArgumentNullException.ThrowIfNull(cache); return (dout.MatMul(cache.W.T), dout.T.MatMul(cache.X), dout.Sum(0));" });
        Implementations.Sources(Path.Combine(submissions, "dana"), bodies: new Dictionary<string, string> { ["ReluForward"] = "return (x.Relu() x);" });
        var environment = config is null ? null : new Dictionary<string, string?> { ["SLURM_CONF"] = config };

        var (exitCode, output) = BatchRun.Run(submissions, Path.Combine(root, "slurm"), environment, [.. Only, "--slurm"]);
        var (localExit, localOutput) = BatchRun.Run(submissions, Path.Combine(root, "local"), Only);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("as a Slurm job array"));
            Assert.That(localExit, Is.Zero, localOutput);
            Assert.That(BatchRun.Grades(Path.Combine(root, "slurm")).Select(r => (r["id"], r["status"], r["percent"])), Is.EqualTo(new[]
            {
                ("ada", "graded", "100"), ("brian", "graded", "0"), ("chen", "graded", BatchRun.Grades(Path.Combine(root, "local"))[2]["percent"]), ("dana", "not-compiled", "0"),
            }));
            Assert.That(File.ReadAllText(Path.Combine(root, "slurm", "grades.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(root, "local", "grades.csv"))), "the same grades as on this machine");
            Assert.That(BatchRun.Grades(Path.Combine(root, "slurm"))[2]["percent"], Is.Not.EqualTo("100"), "the mutant is caught");
        });
        Directory.Delete(root, recursive: true);
    }

    /// <summary>
    /// A cluster whose controller is down (a configuration naming a port where nothing listens) is refused before any
    /// submission is built, with what to do, rather than after sbatch's minutes of retries; nothing is graded or written.
    /// </summary>
    [Test]
    public void A_cluster_whose_controller_is_down_is_refused_at_once()
    {
        var root = Directory.CreateTempSubdirectory("autograder-batch-slurm-down-").FullName;
        var submissions = Path.Combine(root, "class");
        Implementations.Sources(Path.Combine(submissions, "ada"));
        var config = Path.Combine(root, "slurm.conf");
        File.WriteAllText(config, "ClusterName=nowhere\nSlurmctldHost=localhost\nSlurmctldPort=6999\nMessageTimeout=2\nAuthType=auth/munge\n"
            + "NodeName=localhost CPUs=1 State=UNKNOWN\nPartitionName=debug Nodes=localhost Default=YES\n");

        var (exitCode, output) = BatchRun.Run(submissions, Path.Combine(root, "out"), new Dictionary<string, string?> { ["SLURM_CONF"] = config }, [.. Only, "--slurm"]);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("the Slurm controller is not up").Or.Contain("scontrol could not be started"));
            Assert.That(output, Does.Contain("grade without --slurm"));
            Assert.That(File.Exists(Path.Combine(root, "out", "grades.csv")), Is.False, "nothing was graded");
        });
        Directory.Delete(root, recursive: true);
    }
}
