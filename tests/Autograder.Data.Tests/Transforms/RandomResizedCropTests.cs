using Autograder.Data.Images;
using Autograder.Data.Transforms;
using Autograder.Tensors;

namespace Autograder.Data.Tests.Transforms;

/// <summary>RandomResizedCrop's windows: inside the image, of the allowed area and ratio, repeatable, and the central fallback (the resizing itself: ImageResizeTests).</summary>
public sealed class RandomResizedCropTests
{
    private static readonly Image Picture = new(256, 170, 3, new byte[256 * 170 * 3]);

    [Test]
    public void Windows_lie_inside_with_the_allowed_area_and_ratio()
    {
        var crop = new RandomResizedCrop(224, new Generator(3));
        for (var i = 0; i < 500; i++)
        {
            var (top, left, height, width) = crop.Window(Picture);
            Assert.That(top >= 0 && left >= 0 && top + height <= Picture.Height && left + width <= Picture.Width, $"window {i} inside");
            var share = (double)width * height / (Picture.Width * Picture.Height);
            Assert.That(share, Is.InRange(0.07, 1.0), $"window {i}: area share");
            Assert.That((double)width / height, Is.InRange(0.70, 1.40), $"window {i}: ratio (rounding widens 3/4 to 4/3 a little)");
        }
    }

    [Test]
    public void The_same_seed_draws_the_same_windows_and_the_output_has_the_size()
    {
        var first = new RandomResizedCrop(64, new Generator(11));
        var second = new RandomResizedCrop(64, new Generator(11));
        var windows = Enumerable.Range(0, 20).Select(_ => first.Window(Picture)).ToList();
        Assert.That(Enumerable.Range(0, 20).Select(_ => second.Window(Picture)), Is.EqualTo(windows));
        Assert.That(windows.Distinct().Count(), Is.GreaterThan(15), "the windows vary");
        Assert.That(first.Apply(Picture) is { Width: 64, Height: 64, Channels: 3 });
    }

    [Test]
    public void A_strip_too_thin_for_any_window_gets_the_central_crop_of_the_widest_allowed_ratio()
    {
        // 1000 × 10 with 90–100 % of the area: every window would be taller than 10 rows, so all ten tries fail.
        var strip = new Image(1000, 10, 1, new byte[10_000]);
        var window = new RandomResizedCrop(8, new Generator(1), scale: (0.9, 1.0)).Window(strip);
        Assert.That(window, Is.EqualTo((0, 493, 10, 13)), "height 10, width round(10 × 4/3) = 13, centred");
    }
}
