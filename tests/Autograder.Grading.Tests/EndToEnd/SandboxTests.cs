using System.Net;
using System.Net.Sockets;
using Autograder.Grading.Sandbox;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// Submissions graded in the bubblewrap sandbox, attacking it as a dishonest student would: each attack reports what it
/// could see or do, and every other check is still graded. Needs bubblewrap (CI installs it); skips where it cannot run.
/// </summary>
[NonParallelizable]
public sealed class SandboxTests
{
    private const string Secret = "course-secret-0x5eed";

    [SetUp]
    public void RequireBubblewrap()
    {
        if (Bubblewrap.WhyUnavailable is { } why)
        {
            Assert.Ignore($"The sandbox cannot run here: {why}.");
        }
    }

    /// <summary>Looking around (the repository, the held-out labels), calling home, leaving a process behind, native memory and the temp folder: each contained.</summary>
    [Test]
    public void Attacks_from_inside_the_worker_are_contained_and_every_other_check_is_graded()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var marker = $"autograder-detached-{Environment.ProcessId}";
        var root = Repository.Root;
        var attacks = new Dictionary<string, string>
        {
            // What can be seen: the repository (reference, fixtures, .git), the home folder, the grader's settings and environment.
            ["FcForward"] = $$"""
                var places = new[] { "{{root}}/reference", "{{root}}/grading/fixtures", "{{root}}/.git", "{{root}}/starter", "/root", "/home", "/etc/passwd", "/tmp/autograder-builds", "/tmp/autograder-variants" };
                var seen = string.Join(",", places.Where(p => Directory.Exists(p) || File.Exists(p)));
                var settings = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Trim();
                var secret = Environment.GetEnvironmentVariable("AUTOGRADER_HiddenSeedSecret");
                var labels = new FileInfo("{{root}}/data/mnist-small/t10k-labels-idx1-ubyte.gz").Length;
                var images = new FileInfo("{{root}}/data/mnist-small/t10k-images-idx3-ubyte.gz").Length;
                string Gz(string p) { using var z = new System.IO.Compression.GZipStream(File.OpenRead(p), System.IO.Compression.CompressionMode.Decompress); return new StreamReader(z).ReadToEnd(); }
                var sst = string.Join(",", Gz("{{root}}/data/sst2/stsa.binary.test.gz").Split('\n').Where(l => l.Length > 0).Select(l => l.Split(' ')[0]).Distinct());
                var caption = Gz("{{root}}/data/flickr8k-small/captions.tsv.gz").Split('\n').Where(l => l.Length > 0).Last().Split('\t')[2];
                var english = string.Join(",", Gz("{{root}}/data/multi30k/test_2016_flickr.en.gz").Split('\n', ' ').Where(w => w.Length > 0).Distinct());
                throw new InvalidOperationException($"seen=[{seen}] settings={settings} secret=[{secret}] labels={labels} images={images > 0} sst=[{sst}] caption=[{caption}] english=[{english}] {File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("Uid:"))}");
                """,
            ["FcBackward"] = $$"""
                try { using var client = new System.Net.Sockets.TcpClient(); client.Connect("127.0.0.1", {{port}}); throw new InvalidOperationException("network: open"); }
                catch (System.Net.Sockets.SocketException e) { throw new InvalidOperationException($"network: blocked ({e.SocketErrorCode})"); }
                """,
            ["ReluForward"] = $$"""
                System.Diagnostics.Process.Start("/bin/sh", new[] { "-c", "setsid sh -c 'sleep 600; : {{marker}}' > /dev/null 2>&1 &" })!.WaitForExit();
                return (x, x);
                """,
            ["ReluBackward"] = """
                var blocks = new List<IntPtr>();
                try { while (blocks.Count < 256) { blocks.Add(System.Runtime.InteropServices.Marshal.AllocHGlobal(64 << 20)); } }
                catch (OutOfMemoryException) { throw new InvalidOperationException($"native memory: stopped after {blocks.Count * 64} MB"); }
                throw new InvalidOperationException("native memory: 16 GB allocated");
                """,
            ["SoftmaxLoss"] = """
                var chunk = new byte[16 << 20];
                var written = 0;
                try { using var flood = File.Create(Path.Combine(Path.GetTempPath(), "flood")); while (written < 4096) { flood.Write(chunk); written += 16; } }
                catch (IOException) { throw new InvalidOperationException($"temp: full after {written} MB in {Path.GetTempPath()}"); }
                throw new InvalidOperationException("temp: 4 GB written");
                """,
        };
        var environment = new Dictionary<string, string> { ["AUTOGRADER_HiddenSeedSecret"] = Secret, ["AUTOGRADER_WorkerMemoryLimitMegabytes"] = "768" };
        var (results, files) = HostProcess.Run("check", Implementations.Grader(), Implementations.Variant("sandbox-attacks", attacks), null, environment, "--assignment", "a1", "--student-id", "s1");
        Assert.Multiple(() =>
        {
            var looked = results["a1.fc_forward"].Output;
            Assert.That(looked, Does.Contain("seen=[]"), "nothing of the repository, the home folder or /etc is visible");
            Assert.That(looked, Does.Contain("settings={}"), "the grader's settings are shown empty");
            Assert.That(looked, Does.Contain("secret=[]"), "the host's environment does not reach the worker");
            Assert.That(looked, Does.Contain("labels=0 images=True"), "the held-out test labels are empty to the worker, the test images are there");
            Assert.That(looked, Does.Contain("sst=[0]"), "SST-2's test sentences come with every label 0 (the real file has 0 and 1)");
            Assert.That(looked, Does.Contain("caption=[-]"), "the held-out Flickr8k images' captions are blanked");
            Assert.That(looked, Does.Contain("english=[x]"), "Multi30k's English test sentences are shown as one x per word");
            Assert.That(looked, Does.Match(@"Uid:\s+65534\s"), "an unprivileged user");
            Assert.That(files.Values, Has.None.Contain(Secret));
            Assert.That(results["a1.fc_backward"].Output, Does.Contain("network: blocked"));
            Assert.That(listener.Pending(), Is.False, "no connection reached the host");
            Assert.That(Processes().Where(p => p.Contains(marker, StringComparison.Ordinal)), Is.Empty, "the detached process died with the worker");
            Assert.That(results["a1.relu_backward"].Output, Does.Contain("native memory: stopped after"));
            Assert.That(results["a1.softmax_loss"].Output, Does.Contain("temp: full after").And.Contain("/tmp"));
            Assert.That(results["a1.two_layer_net"].Tag, Is.EqualTo("passed"), "graded with the reference's layers in place of the hostile ones");
            Assert.That(results["a1.solver_train"].Tag, Is.EqualTo("passed"));
        });
    }

    /// <summary>Where no sandbox can run, a submission is refused unless --no-sandbox says to run it unconfined; the repository's own reference still runs.</summary>
    [Test]
    public void Without_bubblewrap_a_submission_is_refused_unless_no_sandbox_is_given()
    {
        var grader = Implementations.Grader();
        var submission = Implementations.Variant("sandbox-none", new Dictionary<string, string>());
        string[] common = [.. grader.Prefix, "check", "--repo", Repository.Root, "--only", "a1.fc_forward"];
        var missing = new Dictionary<string, string?> { ["AUTOGRADER_BWRAP"] = "/nonexistent/bwrap" };
        var (refused, message) = ChildProcess.Run(grader.FileName, [.. common, "--impl", submission], environment: missing);
        var (unconfined, _) = ChildProcess.Run(grader.FileName, [.. common, "--impl", submission, "--no-sandbox"], environment: missing);
        var (reference, _) = ChildProcess.Run(grader.FileName, [.. common, "--impl", "reference"], environment: missing);
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(2));
            Assert.That(message, Does.Contain("graded in a sandbox").And.Contain("bubblewrap is not installed").And.Contain("--no-sandbox"));
            Assert.That(unconfined, Is.Zero);
            Assert.That(reference, Is.Zero);
        });
    }

    private static IEnumerable<string> Processes() =>
        Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "cmdline")).Select(f =>
        {
            try
            {
                return File.ReadAllText(f).Replace('\0', ' ');
            }
            catch (IOException)
            {
                return "";
            }
        });
}
