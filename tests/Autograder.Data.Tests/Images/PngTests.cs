using Autograder.Data.Images;

namespace Autograder.Data.Tests.Images;

public sealed class PngTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Images", "Fixtures", name);

    private static byte Expected(int x, int y, int c) => (byte)(((7 * x) + (13 * y) + (29 * c)) % 256);

    [TestCase("rgb_filter0.png", 9, 6, 3)]
    [TestCase("rgb_filter1.png", 9, 6, 3)]
    [TestCase("rgb_filter2.png", 9, 6, 3)]
    [TestCase("rgb_filter3.png", 9, 6, 3)]
    [TestCase("rgb_filter4.png", 9, 6, 3)]
    [TestCase("gray_all_filters.png", 11, 10, 1)]
    [TestCase("rgba_all_filters.png", 5, 7, 4)]
    [TestCase("gray_alpha.png", 4, 3, 2)]
    public void Decodes_every_filter_and_colour_type_written_by_hand(string file, int width, int height, int channels)
    {
        var image = Png.Read(Fixture(file));
        Assert.That((image.Width, image.Height, image.Channels), Is.EqualTo((width, height, channels)));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    Assert.That(image.Pixels[(((y * width) + x) * channels) + c], Is.EqualTo(Expected(x, y, c)), $"pixel ({x}, {y}) channel {c}");
                }
            }
        }
    }

    [TestCase("palette.png", "palette images are not supported")]
    [TestCase("sixteen_bit.png", "bit depth 16 is not supported")]
    [TestCase("interlaced.png", "interlaced (Adam7) images are not supported")]
    [TestCase("bad_crc.png", "fails its CRC check")]
    public void Unsupported_or_corrupt_files_are_rejected_with_the_reason(string file, string reason)
    {
        var error = Assert.Throws<DataFormatException>(() => Png.Read(Fixture(file)));
        Assert.That(error!.Message, Does.Contain(file).And.Contain(reason));
    }

    [Test]
    public void Truncated_file_is_reported_as_truncated()
    {
        var bytes = File.ReadAllBytes(Fixture("rgb_filter3.png"));
        var error = Assert.Throws<DataFormatException>(() => Png.Read(new MemoryStream(bytes[..^20]), "cut.png"));
        Assert.That(error!.Message, Does.Contain("cut.png").And.Contain("truncated"));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Encoding_round_trips_and_is_deterministic(int channels)
    {
        var random = new Random(channels);
        var pixels = new byte[37 * 23 * channels];
        random.NextBytes(pixels);
        var image = new Image(37, 23, channels, pixels);
        var bytes = Png.Encode(image);
        Assert.That(Png.Encode(image), Is.EqualTo(bytes));
        var back = Png.Read(new MemoryStream(bytes));
        Assert.That(back.Pixels, Is.EqualTo(pixels));
    }

    [Test]
    public void Decodes_a_real_photograph()
    {
        var folder = SharedData.Require("hymenoptera");
        var file = Directory.GetFiles(Path.Combine(folder, "hymenoptera_data", "val", "bees")).Order(StringComparer.Ordinal).First();
        var image = Png.Read(file);
        Assert.That(image.Channels, Is.EqualTo(3));
        Assert.That(Math.Max(image.Width, image.Height), Is.LessThanOrEqualTo(256));
        Assert.That(Png.Read(new MemoryStream(Png.Encode(image))).Pixels, Is.EqualTo(image.Pixels));
    }

    [Test]
    public void Tensor_conversion_round_trips()
    {
        var image = new Image(2, 1, 3, [0, 128, 255, 10, 20, 30]);
        var tensor = image.ToTensor();
        Assert.That(tensor.Shape.ToArray(), Is.EqualTo(new[] { 3, 1, 2 }));
        Assert.That(Image.FromTensor(tensor).Pixels, Is.EqualTo(image.Pixels));
    }
}
