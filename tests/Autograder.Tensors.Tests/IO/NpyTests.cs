using Autograder.Tensors.IO;

namespace Autograder.Tensors.Tests.IO;

public sealed class NpyTests
{
    [Test]
    public void Reads_float32_written_by_numpy()
    {
        var t = Npy.Read(Fixtures.Path("float32_2x3.npy"));
        Assert.That(t.DType, Is.EqualTo(DType.Float32));
        Assert.That(t.Shape.ToArray(), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(t.ToArray<float>(), Is.EqualTo(new[] { 0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f }).AsCollection);
    }

    [Test]
    public void Reads_float64_3d_written_by_numpy_exactly()
    {
        var t = Npy.Read(Fixtures.Path("float64_2x3x4.npy"));
        Assert.That(t.Shape.ToArray(), Is.EqualTo(new[] { 2, 3, 4 }));
        var expected = Enumerable.Range(0, 24).Select(i => (i - 12) / 7.0).ToArray();
        Assert.That(t.ToArray<double>(), Is.EqualTo(expected).AsCollection);
    }

    [Test]
    public void Reads_int64_including_values_beyond_double_precision()
    {
        var t = Npy.Read(Fixtures.Path("int64_5.npy"));
        Assert.That(t.ToArray<long>(), Is.EqualTo(new[] { -3L, 0, 7, 1L << 40, -(1L << 62) }).AsCollection);
    }

    [Test]
    public void Reads_bool_scalar_and_empty_arrays()
    {
        Assert.That(Npy.Read(Fixtures.Path("bool_2x2.npy")).ToArray<bool>(), Is.EqualTo(new[] { true, false, false, true }).AsCollection);
        var scalar = Npy.Read(Fixtures.Path("scalar_float64.npy"));
        Assert.That(scalar.Dim, Is.Zero);
        Assert.That(scalar.Item(), Is.EqualTo(3.25));
        var empty = Npy.Read(Fixtures.Path("empty_0x3.npy"));
        Assert.That(empty.Shape.ToArray(), Is.EqualTo(new[] { 0, 3 }));
    }

    [TestCase("fortran_2x3.npy", "Fortran-order")]
    [TestCase("bigendian_3.npy", "'>f4' is not supported")]
    [TestCase("int32_3.npy", "'<i4' is not supported")]
    public void Unsupported_layouts_are_rejected_with_the_reason(string file, string reason)
    {
        var error = Assert.Catch(() => Npy.Read(Fixtures.Path(file)));
        Assert.That(error!.Message, Does.StartWith("Npy:").And.Contain(reason));
    }

    [Test]
    public void Truncated_file_is_rejected_as_truncated()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("float64_2x3x4.npy"));
        using var stream = new MemoryStream(bytes[..^8]);
        var error = Assert.Throws<InvalidDataException>(() => Npy.Read(stream));
        Assert.That(error!.Message, Does.Contain("truncated").And.Contain("(2, 3, 4)"));
    }

    [Test]
    public void Non_npy_bytes_are_rejected_by_the_magic_check()
    {
        using var stream = new MemoryStream("hello, world"u8.ToArray());
        var error = Assert.Throws<InvalidDataException>(() => Npy.Read(stream));
        Assert.That(error!.Message, Does.Contain("magic string"));
    }

    [Test]
    public void Writes_files_byte_identical_to_numpy()
    {
        foreach (var name in new[] { "float32_2x3.npy", "float64_2x3x4.npy", "int64_5.npy", "bool_2x2.npy", "scalar_float64.npy" })
        {
            var original = File.ReadAllBytes(Fixtures.Path(name));
            using var stream = new MemoryStream();
            Npy.Write(stream, Npy.Read(new MemoryStream(original)));
            Assert.That(stream.ToArray(), Is.EqualTo(original), name);
        }
    }

    [Test]
    public void Round_trips_a_non_contiguous_view()
    {
        var t = Tensor.Arange(0, 12, 1, DType.Float64).Reshape(3, 4).T;
        using var stream = new MemoryStream();
        Npy.Write(stream, t);
        stream.Position = 0;
        var back = Npy.Read(stream);
        Assert.That(back.Shape.ToArray(), Is.EqualTo(new[] { 4, 3 }));
        Assert.That(back.ToArray<double>(), Is.EqualTo(t.ToArray<double>()).AsCollection);
    }
}
