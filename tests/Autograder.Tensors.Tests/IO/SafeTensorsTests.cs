using System.Text;
using Autograder.Tensors.IO;

namespace Autograder.Tensors.Tests.IO;

public sealed class SafeTensorsTests
{
    [Test]
    public void Reads_a_file_written_from_the_specification()
    {
        using var stream = File.OpenRead(Fixtures.Path("model.safetensors"));
        var tensors = SafeTensors.Read(stream, out var metadata);
        Assert.That(tensors.Keys, Is.EqualTo(new[] { "fc.weight", "fc.bias", "steps" }).AsCollection);
        Assert.That(tensors["fc.weight"].ToArray<float>(), Is.EqualTo(new[] { 0f, 0.5f, 1f, 1.5f, 2f, 2.5f }).AsCollection);
        Assert.That(tensors["fc.weight"].Shape.ToArray(), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(tensors["fc.bias"].ToArray<double>(), Is.EqualTo(new[] { -1.5, 2.25 }).AsCollection);
        Assert.That(tensors["steps"].ToArray<long>(), Is.EqualTo(new[] { 7L }).AsCollection);
        Assert.That(metadata["format"], Is.EqualTo("pt"));
    }

    [Test]
    public void Round_trips_tensors_and_metadata()
    {
        var tensors = new Dictionary<string, Tensor>
        {
            ["w"] = Tensor.Randn(new Generator(1), [3, 2], DType.Float64),
            ["m"] = Tensor.FromArray(new[] { true, false, true }),
        };
        using var stream = new MemoryStream();
        SafeTensors.Write(stream, tensors, new Dictionary<string, string> { ["epoch"] = "3" });
        Assert.That(BitConverter.ToUInt64(stream.ToArray(), 0) % 8, Is.Zero, "the header is padded to 8 bytes");
        stream.Position = 0;
        var back = SafeTensors.Read(stream, out var metadata);
        Assert.That(back["w"].ToArray<double>(), Is.EqualTo(tensors["w"].ToArray<double>()).AsCollection);
        Assert.That(back["m"].ToArray<bool>(), Is.EqualTo(new[] { true, false, true }).AsCollection);
        Assert.That(metadata["epoch"], Is.EqualTo("3"));
    }

    [Test]
    public void Offsets_that_do_not_match_the_shape_are_rejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Read(Build("""{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}""", 4)));
        Assert.That(error!.Message, Does.Contain("'x'").And.Contain("8 bytes"));
    }

    [Test]
    public void Unsupported_dtype_is_named()
    {
        var error = Assert.Catch(() => SafeTensors.Read(Build("""{"x":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}""", 4)));
        Assert.That(error!.Message, Does.Contain("F16").And.Contain("not supported"));
    }

    [Test]
    public void Truncated_data_is_rejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Read(Build("""{"x":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}""", 10)));
        Assert.That(error!.Message, Does.Contain("truncated"));
    }

    [Test]
    public void A_header_that_is_not_json_is_rejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Read(Build("{not json", 0)));
        Assert.That(error!.Message, Does.Contain("not a JSON object"));
    }

    private static MemoryStream Build(string header, int dataBytes)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var stream = new MemoryStream();
        stream.Write(BitConverter.GetBytes((ulong)json.Length));
        stream.Write(json);
        stream.Write(new byte[dataBytes]);
        stream.Position = 0;
        return stream;
    }
}
