using Autograder.Data.Images;
using Autograder.Data.Readers;

namespace Autograder.Data.Tests.Readers;

/// <summary>A4's bundled images read as a fresh clone reads them: ants and bees in both splits, and the style-transfer pairs.</summary>
public sealed class BundledImageSetsTests
{
    [TestCase("train")]
    [TestCase("val")]
    public void The_hymenoptera_subset_has_24_ants_and_24_bees_per_split_that_all_decode(string split)
    {
        var (classes, items) = ImageFolder.List(Path.Combine(SharedData.Bundled("hymenoptera-small"), "hymenoptera_data", split));
        Assert.That(classes, Is.EqualTo(new[] { "ants", "bees" }));
        Assert.That(items.GroupBy(i => i.Label).Select(g => g.Count()), Is.EqualTo(new[] { 24, 24 }));
        var (images, failures) = ImageFolder.LoadAll(items);
        Assert.That(failures, Is.Empty);
        Assert.That(images.Select(i => Math.Max(i.Image.Width, i.Image.Height)), Is.All.InRange(100, 256), "longest side at most 256 px");
    }

    [Test]
    public void The_style_transfer_images_are_three_photos_and_four_paintings()
    {
        var root = Path.Combine(SharedData.Bundled("style-transfer-small"), "256");
        var content = Directory.GetFiles(Path.Combine(root, "content")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var style = Directory.GetFiles(Path.Combine(root, "style")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.That(content, Is.EqualTo(new[] { "golden_gate.png", "hoover_tower_night.png", "tubingen.png" }));
        Assert.That(style, Is.EqualTo(new[] { "shipwreck_of_the_minotaur.png", "starry_night.png", "the_great_wave.png", "the_scream.png" }));
        Assert.That(ImageCodec.Read(Path.Combine(root, "content", "tubingen.png")).Channels, Is.EqualTo(3));
    }
}
