using Autograder.Tensors.Models;
using Autograder.Data.Images;
using Autograder.Data.Pretrained;
using Autograder.Data.Readers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Autograder.Data.Tests.Pretrained;

/// <summary>The pretrained ResNet from its NuGet package, mapped onto our module and checked against ONNX Runtime running the same graph.</summary>
public sealed class ResNetTests
{
    private static readonly Lazy<ResNet> Network = new(PretrainedResNet.Load);

    [Test]
    public void The_packaged_network_maps_onto_torchvision_names_with_its_real_structure()
    {
        var model = Network.Value;
        var names = model.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Shape.ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(model.Blocks, Is.EqualTo(new[] { 2, 2, 2, 3 }), "three blocks in the last stage, as the graph has");
            Assert.That(model.Padding, Is.EqualTo(ResNetPadding.MoreBefore));
            Assert.That(names["conv1.weight"], Is.EqualTo(new[] { 64, 3, 7, 7 }));
            Assert.That(names["layer2.0.downsample.0.weight"], Is.EqualTo(new[] { 128, 64, 1, 1 }));
            Assert.That(names["layer4.2.bn2.weight"], Is.EqualTo(new[] { 512 }));
            Assert.That(names.Keys, Has.None.StartsWith("fc."), "no classifier: the output is the 512 features");
            Assert.That(model.Training, Is.False, "loaded in evaluation mode");
        });
    }

    /// <summary>
    /// ONNX Runtime runs the package's own graph on the same images (its input not divided by the scale that ours is, and
    /// that our conv1 absorbs). Float32 through 21 layers in another summation order: the
    /// features agree to 1e-4 of their largest magnitude (measured: 4e-7 to 8e-7 on bees.png and three hymenoptera images).
    /// </summary>
    [Test]
    public void The_features_are_those_onnx_runtime_computes_from_the_same_graph()
    {
        var images = new List<Image> { Crop(ImageCodec.Read(Path.Combine(TestContext.CurrentContext.TestDirectory, "Images", "Fixtures", "bees.png"))) };
        var shared = Path.Combine(SharedData.SharedRoot, "hymenoptera", "hymenoptera_data", "val");
        if (Directory.Exists(shared))
        {
            images.AddRange(ImageFolder.List(shared).Items.Take(3).Select(item => Crop(ImageCodec.Read(item.Path))));
        }

        var input = PretrainedResNet.Input(images);
        using var session = new InferenceSession(PretrainedResNet.Locate("tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx"));
        var ours = Network.Value.Call(input).ToArray<float>();
        for (var n = 0; n < images.Count; n++)
        {
            var one = (input.Narrow(0, n, 1) * PretrainedResNet.InputScale).Contiguous().ToArray<float>();
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), new DenseTensor<float>(one, [1, 3, 224, 224]))]);
            var expected = results.Single().AsEnumerable<float>().ToArray();
            var actual = ours.AsSpan(n * ResNet.FeatureCount, ResNet.FeatureCount).ToArray();
            Assert.That(expected, Has.Length.EqualTo(ResNet.FeatureCount));
            var scale = expected.Max(Math.Abs);
            Assert.That(actual.Zip(expected).Max(p => Math.Abs(p.First - p.Second)) / scale, Is.LessThan(1e-4), $"image {n}");
        }
    }

    /// <summary>The input subtracts the mean image and divides by the scale (which conv1 absorbs: the ONNX test above proves the features unchanged).</summary>
    [Test]
    public void The_mean_image_is_bgr_and_the_input_subtracts_it()
    {
        var mean = PretrainedResNet.MeanImage;
        Assert.That(mean.Shape.ToArray(), Is.EqualTo(new[] { 3, 224, 224 }));
        var perChannel = Enumerable.Range(0, 3).Select(c => mean.Narrow(0, c, 1).Mean().Item<float>()).ToArray();
        Assert.That(perChannel, Is.EqualTo(new[] { 103.06, 115.90, 123.15 }).Within(0.01), "ImageNet's mean in BGR order");
        var white = new Image(224, 224, 3, Enumerable.Repeat((byte)255, 224 * 224 * 3).ToArray());
        var input = PretrainedResNet.Input([white]);
        Assert.That(input.Narrow(1, 0, 1).Mean().Item<float>(), Is.EqualTo((255 - perChannel[0]) / PretrainedResNet.InputScale).Within(1e-5));
    }

    [Test]
    public void An_image_of_the_wrong_size_is_refused_with_what_to_do()
    {
        var small = new Image(100, 80, 3, new byte[100 * 80 * 3]);
        Assert.That(() => PretrainedResNet.Input([small]), Throws.ArgumentException.With.Message.Contains("image 0 is 100 × 80").And.Message.Contains("Resize and crop"));
    }

    [Test]
    public void Without_the_package_the_message_says_how_to_get_it()
    {
        var empty = Directory.CreateTempSubdirectory("autograder-nuget-").FullName;
        try
        {
            Assert.That(() => PretrainedResNet.Locate("tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx", empty), Throws.TypeOf<FileNotFoundException>()
                .With.Message.Contains(PretrainedResNet.PackageId).And.Message.Contains("dotnet restore").And.Message.Contains("NUGET_PACKAGES"));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Test]
    public void A_file_that_is_not_onnx_is_refused_by_name()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0xFF, 0xFF, 0xFF, 0x07, 0x01]);
            Assert.That(() => PretrainedResNet.Load(path), Throws.TypeOf<DataFormatException>().With.Message.Contains(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Image Crop(Image image) => ImageResize.CenterCrop(ImageResize.ShorterSide(image, 256), 224, 224);
}
