using Autograder.Data.Images;
using Autograder.Data.Pretrained;
using Autograder.Host.Experiments.A4;
using Autograder.Tensors;
using Homework.A4;

namespace Autograder.Grading.Tests.Experiments;

/// <summary>
/// The style-transfer experiment's plumbing: the optimised image's space converts to SqueezeNet's own input and back to the
/// same pixels, and the host's independent losses (with which it scores students' images) agree with the reference's.
/// </summary>
public sealed class A4StyleTransferSetupTests
{
    private static readonly Lazy<SqueezeNet> Network = new(() => SqueezeNet.Load(Path.Combine(Repository.Root, "data", "pretrained-squeezenet")));

    private static Image Photo(string kind, string name) => StyleTransferSetup.Load(Path.Combine(Repository.Root, "data", "style-transfer-small"), kind, name);

    [Test]
    public void The_network_reads_bgr_pixels_minus_its_mean_and_a_picture_round_trips()
    {
        var photo = ImageResize.CenterCrop(Photo("content", "tubingen"), 40, 30);
        var image = StyleTransferSetup.Normalise(photo);
        var input = StyleTransferSetup.ToSqueezeNet(image);
        Assert.Multiple(() =>
        {
            Assert.That(input.Shape.ToArray(), Is.EqualTo(new[] { 1, 3, 30, 40 }));
            foreach (var (y, x) in new[] { (0, 0), (7, 31), (29, 39) })
            {
                var pixel = ((y * 40) + x) * photo.Channels;
                for (var bgr = 0; bgr < 3; bgr++)
                {
                    Assert.That(input[0, bgr, y, x].Item(), Is.EqualTo(photo.Pixels[pixel + 2 - bgr] - SqueezeNet.MeanBgr[bgr]).Within(1e-3), $"channel {bgr} at ({y}, {x})");
                }
            }

            Assert.That(StyleTransferSetup.Deprocess(image).Pixels, Is.EqualTo(photo.Pixels), "Deprocess inverts Normalise to the same bytes");
        });
    }

    [Test]
    public void The_hosts_losses_agree_with_the_reference_functions()
    {
        var setup = StyleTransferSetup.Quick;
        var content = StyleTransferSetup.Preprocess(Photo("content", "golden_gate"), 48);
        var style = StyleTransferSetup.Preprocess(Photo("style", "starry_night"), 40);
        var image = content + (Tensor.Randn(new Generator(3), [.. content.Shape.ToArray()]) * 0.3f);
        var score = new StyleScore(Network.Value, content, style, setup.ContentWeight);

        var features = StyleTransferSetup.Features(Network.Value, image).Select(f => f.To(DType.Float64)).ToList();
        var contentTarget = StyleTransferSetup.Features(Network.Value, content)[StyleTransferSetup.ContentLayer].To(DType.Float64);
        var styleFeatures = StyleTransferSetup.Features(Network.Value, style);
        var styleTargets = StyleTransferSetup.StyleLayers.Select(l => StyleLosses.GramMatrix(styleFeatures[l].To(DType.Float64))).ToList();
        var expectedContent = StyleLosses.ContentLoss(setup.ContentWeight, features[StyleTransferSetup.ContentLayer], contentTarget).Item();
        var expectedStyle = StyleLosses.StyleLoss(features, StyleTransferSetup.StyleLayers, styleTargets, StyleTransferSetup.StyleWeights).Item();
        var expectedTv = StyleLosses.TvLoss(image.To(DType.Float64), StyleTransferSetup.TvWeight).Item();

        var (contentLoss, styleLoss, tvLoss, total) = score.Losses(image);
        Assert.Multiple(() =>
        {
            Assert.That(contentLoss, Is.EqualTo(expectedContent).Within(1e-9).Percent);
            Assert.That(styleLoss, Is.EqualTo(expectedStyle).Within(1e-9).Percent);
            Assert.That(tvLoss, Is.EqualTo(expectedTv).Within(1e-9).Percent);
            Assert.That(total, Is.EqualTo(contentLoss + styleLoss + tvLoss));
            Assert.That(contentLoss, Is.GreaterThan(0), "the image differs from the content photo");
            Assert.That(score.Losses(content).Content, Is.Zero, "the content photo has no content loss");
        });
    }
}
