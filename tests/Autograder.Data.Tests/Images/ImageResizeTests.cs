using Autograder.Data.Images;
using Autograder.Tensors;
using Autograder.Tensors.IO;

namespace Autograder.Data.Tests.Images;

/// <summary>Resize, crops and flips against torchvision 0.14 on PIL images (Fixtures/make_transform_fixtures.py): byte for byte.</summary>
public sealed class ImageResizeTests
{
    private static readonly IReadOnlyDictionary<string, Tensor> Torchvision = Npz.Read(Fixture("transforms.npz"));

    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Images", "Fixtures", name);

    private static Image Photo => ImageCodec.Read(Fixture("bees.png"));

    private static Image Rgb => ImageCodec.Read(Fixture("rgb.png"));

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("photo_resize_100", (Func<Image>)(() => ImageResize.ShorterSide(Photo, 100))).SetName("Resize(100) shrinks with antialiasing");
        yield return new TestCaseData("photo_resize_64_48", (Func<Image>)(() => ImageResize.Bilinear(Photo, 64, 48))).SetName("Resize((48, 64)) to a given size");
        yield return new TestCaseData("rgb_resize_40", (Func<Image>)(() => ImageResize.ShorterSide(Rgb, 40))).SetName("Resize(40) enlarges");
        yield return new TestCaseData("photo_center_crop_91", (Func<Image>)(() => ImageResize.CenterCrop(Photo, 91, 91))).SetName("CenterCrop(91) rounds odd margins half to even");
        yield return new TestCaseData("photo_resized_crop", (Func<Image>)(() => ImageResize.ResizedCrop(Photo, 20, 31, 101, 150, 64, 64))).SetName("resized_crop, the step of RandomResizedCrop");
        yield return new TestCaseData("rgb_hflip", (Func<Image>)(() => ImageResize.FlipHorizontal(Rgb))).SetName("hflip");
    }

    [TestCaseSource(nameof(Cases))]
    public void Matches_torchvision_byte_for_byte(string key, Func<Image> transform)
    {
        var image = transform();
        var expected = Torchvision[key];
        Assert.That((image.Height, image.Width, image.Channels), Is.EqualTo((expected.Shape[0], expected.Shape[1], expected.Shape[2])));
        var want = expected.ToArray<long>();
        var differing = want.Where((v, i) => v != image.Pixels[i]).Count();
        Assert.That(differing, Is.Zero, $"{differing} of {want.Length} values differ from torchvision");
    }

    [Test]
    public void A_crop_outside_the_image_says_so()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageResize.Crop(Rgb, 10, 10, 10, 20));
        Assert.That(error!.Message, Does.Contain("20×10 window at (top 10, left 10)").And.Contain("23×17 image"));
    }
}
