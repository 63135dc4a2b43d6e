using System.Buffers.Binary;
using System.IO.Compression;
using Autograder.Data.Images;
using Autograder.Tensors;
using Autograder.Tensors.IO;

namespace Autograder.Data.Tests.Images;

/// <summary>Decoding every accepted format against Pillow's decode of the same file (Fixtures/make_image_fixtures.py), encoding, and hostile files.</summary>
public sealed class ImageCodecTests
{
    private static readonly IReadOnlyDictionary<string, Tensor> Expected = Npz.Read(Fixture("expected.npz"));

    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Images", "Fixtures", name);

    /// <summary>Lossless files exactly; JPEG within 2 levels of 255 (libjpeg builds may round the inverse DCT differently).</summary>
    [TestCase("rgb.png", 3, 0)]
    [TestCase("rgba.png", 4, 0)]
    [TestCase("gray.png", 1, 0)]
    [TestCase("gray_alpha.png", 4, 0)]
    [TestCase("palette.png", 3, 0)]
    [TestCase("interlaced.png", 3, 0)]
    [TestCase("gray16.png", 1, 0)]
    [TestCase("photo.jpg", 3, 2)]
    [TestCase("gray.jpg", 1, 2)]
    [TestCase("lossless.webp", 3, 0)]
    [TestCase("picture.bmp", 3, 0)]
    [TestCase("first_frame.gif", 3, 0)]
    public void Decodes_like_pillow(string file, int channels, int tolerance)
    {
        var image = ImageCodec.Read(Fixture(file));
        var expected = Expected[file.Replace('.', '_')];
        Assert.That((image.Height, image.Width, image.Channels), Is.EqualTo((expected.Shape[0], expected.Shape[1], channels)));
        var want = expected.ToArray<long>();
        var worst = want.Select((v, i) => Math.Abs(v - image.Pixels[i])).Max();
        Assert.That(worst, Is.LessThanOrEqualTo(tolerance), $"largest difference from Pillow in {file}");
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(4)]
    public void Png_encoding_round_trips_and_is_deterministic(int channels)
    {
        var pixels = new byte[37 * 23 * channels];
        new Random(channels).NextBytes(pixels);
        var image = new Image(37, 23, channels, pixels);
        var bytes = ImageCodec.EncodePng(image);
        Assert.That(ImageCodec.EncodePng(image), Is.EqualTo(bytes), "the same pixels give the same bytes");
        var back = ImageCodec.Decode(bytes);
        Assert.That((back.Channels, back.Pixels), Is.EqualTo((channels, pixels)));
    }

    [Test]
    public void Gray_with_alpha_is_written_as_rgba()
    {
        var back = ImageCodec.Decode(ImageCodec.EncodePng(new Image(1, 1, 2, [90, 200])));
        Assert.That((back.Channels, back.Pixels), Is.EqualTo((4, new byte[] { 90, 90, 90, 200 })));
    }

    [Test]
    public void Jpeg_encoding_keeps_a_picture_close()
    {
        var image = ImageCodec.Read(Fixture("rgb.png"));
        var back = ImageCodec.Decode(ImageCodec.EncodeJpeg(image, 95));
        var mean = image.Pixels.Select((v, i) => Math.Abs(v - back.Pixels[i])).Average();
        Assert.That((back.Width, back.Height, back.Channels), Is.EqualTo((image.Width, image.Height, 3)));
        Assert.That(mean, Is.LessThan(4), "mean absolute error in levels of 255");
    }

    [Test]
    public void A_decompression_bomb_is_refused_from_its_header()
    {
        // A valid PNG header declaring 100,000 × 100,000 pixels (40 GB as RGBA) and a few bytes of data.
        var bomb = Png(100_000, 100_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<DataFormatException>(() => ImageCodec.Decode(bomb, "bomb.png"));
        Assert.That(error!.Message, Does.Contain("bomb.png").And.Contain("100,000 × 100,000").And.Contain("nothing was decoded"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1 << 20), "no pixel memory was allocated");
    }

    [Test]
    public void Truncated_files_are_reported_never_crash()
    {
        foreach (var file in new[] { "rgb.png", "photo.jpg", "picture.bmp", "first_frame.gif", "lossless.webp" })
        {
            var bytes = File.ReadAllBytes(Fixture(file));
            foreach (var keep in new[] { 0, 4, bytes.Length / 3, bytes.Length / 2, bytes.Length - 9 })
            {
                try
                {
                    ImageCodec.Decode(bytes[..keep], file);
                }
                catch (DataFormatException e)
                {
                    Assert.That(e.Message, Does.StartWith(file + ":"), $"{file} cut to {keep} bytes");
                }
            }
        }

        var cut = File.ReadAllBytes(Fixture("photo.jpg"));
        var error = Assert.Throws<DataFormatException>(() => ImageCodec.Decode(cut[..(cut.Length / 2)], "cut.jpg"));
        Assert.That(error!.Message, Does.Contain("cut.jpg").And.Contain("truncated"));
    }

    /// <summary>A fuzz-style sweep: seeded random bit flips in every fixture either decode or give a DataFormatException naming the file.</summary>
    [Test]
    public void Bit_flipped_files_decode_or_are_reported_never_crash()
    {
        var random = new Random(2026);
        var outcomes = (Decoded: 0, Refused: 0);
        foreach (var file in Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Images", "Fixtures")).Where(f => ImageCodec.Extensions.Contains(Path.GetExtension(f))))
        {
            var original = File.ReadAllBytes(file);
            for (var trial = 0; trial < 40; trial++)
            {
                var bytes = (byte[])original.Clone();
                for (var flip = 0; flip < 1 + (trial % 4); flip++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                try
                {
                    var image = ImageCodec.Decode(bytes, "fuzzed");
                    Assert.That(image.Pixels, Has.Length.EqualTo(image.Width * image.Height * image.Channels));
                    outcomes.Decoded++;
                }
                catch (DataFormatException e)
                {
                    Assert.That(e.Message, Does.StartWith("fuzzed:"));
                    outcomes.Refused++;
                }
            }
        }

        Assert.That(outcomes.Refused, Is.GreaterThan(0), "some flips corrupt a header or a checksum");
    }

    [TestCase(new byte[0], "not an image")]
    [TestCase(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }, "not an image")]
    public void Files_that_are_not_images_are_named(byte[] bytes, string reason)
    {
        var error = Assert.Throws<DataFormatException>(() => ImageCodec.Decode(bytes, "notes.png"));
        Assert.That(error!.Message, Does.Contain("notes.png").And.Contain(reason).And.Contain("JPEG, PNG"));
    }

    [Test]
    public void Decodes_a_real_photograph()
    {
        var folder = SharedData.Require("hymenoptera");
        var file = Directory.GetFiles(Path.Combine(folder, "hymenoptera_data", "val", "bees")).Order(StringComparer.Ordinal).First();
        var image = ImageCodec.Read(file);
        Assert.That(image.Channels, Is.EqualTo(3));
        Assert.That(Math.Max(image.Width, image.Height), Is.LessThanOrEqualTo(256));
        Assert.That(ImageCodec.Decode(ImageCodec.EncodePng(image)).Pixels, Is.EqualTo(image.Pixels));
    }

    [Test]
    public void Tensor_conversion_round_trips()
    {
        var image = new Image(2, 1, 3, [0, 128, 255, 10, 20, 30]);
        var tensor = image.ToTensor();
        Assert.That(tensor.Shape.ToArray(), Is.EqualTo(new[] { 3, 1, 2 }));
        Assert.That(Image.FromTensor(tensor).Pixels, Is.EqualTo(image.Pixels));
    }

    /// <summary>PNG's CRC-32 (reflected, polynomial 0xEDB88320), bit by bit: a test helper needs no table.</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>A well-formed RGB PNG of the given header size whose data holds one zero byte.</summary>
    private static byte[] Png(int width, int height)
    {
        static byte[] Chunk(string kind, byte[] data)
        {
            var chunk = new byte[12 + data.Length];
            BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
            System.Text.Encoding.ASCII.GetBytes(kind).CopyTo(chunk, 4);
            data.CopyTo(chunk, 8);
            BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(chunk.AsSpan(4, 4 + data.Length)));
            return chunk;
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 2);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize))
        {
            zlib.Write(new byte[16]);
        }

        return [137, 80, 78, 71, 13, 10, 26, 10, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }
}
