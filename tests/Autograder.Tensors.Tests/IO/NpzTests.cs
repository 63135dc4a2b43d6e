using Autograder.Tensors.IO;

namespace Autograder.Tensors.Tests.IO;

public sealed class NpzTests
{
    [TestCase("stored.npz")]
    [TestCase("compressed.npz")]
    public void Reads_archives_written_by_numpy(string file)
    {
        var arrays = Npz.Read(Fixtures.Path(file));
        Assert.That(arrays.Keys, Is.EquivalentTo(new[] { "weights", "labels" }));
        var expected = Enumerable.Range(0, 12).Select(i => (float)(-1 + (2.0 * i / 11))).ToArray();
        Assert.That(arrays["weights"].ToArray<float>(), Is.EqualTo(expected).Within(1e-7).AsCollection);
        Assert.That(arrays["labels"].ToArray<long>(), Is.EqualTo(new long[] { 2, 0, 1 }).AsCollection);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Round_trips_and_writes_the_same_bytes_twice(bool compress)
    {
        var arrays = new Dictionary<string, Tensor>
        {
            ["a"] = Tensor.Randn(new Generator(3), [4, 5]),
            ["b"] = Tensor.Arange(6),
        };
        byte[] Write()
        {
            using var stream = new MemoryStream();
            Npz.Write(stream, arrays, compress);
            return stream.ToArray();
        }

        var first = Write();
        Assert.That(Write(), Is.EqualTo(first));
        var back = Npz.Read(new MemoryStream(first));
        Assert.That(back["a"].ToArray<float>(), Is.EqualTo(arrays["a"].ToArray<float>()).AsCollection);
        Assert.That(back["b"].ToArray<long>(), Is.EqualTo(arrays["b"].ToArray<long>()).AsCollection);
    }

    [Test]
    public void Garbage_is_rejected_as_not_an_archive()
    {
        var error = Assert.Throws<InvalidDataException>(() => Npz.Read(new MemoryStream(new byte[100])));
        Assert.That(error!.Message, Does.StartWith("Npz:").And.Contain("not a valid .npz"));
    }
}
