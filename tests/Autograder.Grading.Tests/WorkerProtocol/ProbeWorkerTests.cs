using Autograder.Grading.Checks;
using Autograder.Grading.Protocol;
using Autograder.Tensors;
using Autograder.Tensors.Storage;

namespace Autograder.Grading.Tests.WorkerProtocol;

/// <summary>The worker runs one check after another in one process: each probe gets a fresh check, and leaves no cached tensor buffers behind.</summary>
[NonParallelizable]
public sealed class ProbeWorkerTests
{
    [Test]
    public void Each_probe_gets_a_fresh_check_and_the_buffers_it_pooled_are_released()
    {
        var directory = Directory.CreateTempSubdirectory("autograder-worker-").FullName;
        try
        {
            // Other tests in this process leave dead tensors whose buffers come back to the pool from finalizers: let them, then empty it.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            CachedBuffers.Release();
            var made = new List<CachingCheck>();
            var checks = new Dictionary<string, Func<Check>> { ["t.caching"] = () => { var check = new CachingCheck(); made.Add(check); return check; } };
            ProbeWorker.Serve(checks, directory, new StringReader("t.caching 1\nt.caching 2\n"));

            Assert.Multiple(() =>
            {
                Assert.That(made, Has.Count.EqualTo(2), "one instance per probe");
                Assert.That(made.Select(c => c.Probes), Is.All.EqualTo(1), "no instance saw a second probe, so none saw the first one's cache");
                Assert.That(made.Select(c => c.PooledBytesBefore), Is.All.Zero, "each probe started with no pooled buffers");
                Assert.That(made.Select(c => c.PooledBytesAfter), Is.All.Positive, "each probe did pool a buffer");
                Assert.That(CachedBuffers.Bytes, Is.Zero, "nothing left pooled after the last probe");
                Assert.That(File.Exists(Path.Combine(directory, "t.caching.npz")), Is.True);
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A check that caches per instance, as experiments cache their data, and pools a 4 MB buffer.</summary>
    private sealed class CachingCheck : Check
    {
        public int Probes { get; private set; }

        public long PooledBytesBefore { get; private set; } = -1;

        public long PooledBytesAfter { get; private set; }

        public override CheckInfo Info { get; } = new("t.caching", "T", "caches", 1, Visibility.Visible, TimeSpan.FromMinutes(1), []);

        public override Observation Probe(ProbeContext context)
        {
            Probes++;
            PooledBytesBefore = CachedBuffers.Bytes;
            AllocateAndDrop();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            PooledBytesAfter = CachedBuffers.Bytes;
            return new Observation { ["sum"] = Tensor.Scalar(Probes, DType.Float64) };
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void AllocateAndDrop() => _ = Tensor.Ones([1 << 20]).Sum().Item();

        public override Verdict Judge(Observation student, Observation expected) => new(1, "");
    }
}
