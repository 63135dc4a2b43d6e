using System.Reflection;
using Autograder.Data.Images;
using Autograder.Tensors;
using Autograder.Tensors.Models;

namespace Autograder.Data.Pretrained;

/// <summary>
/// The ImageNet-trained ResNet in the NuGet package <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> (MIT): read from the
/// package folder, mapped onto <see cref="ResNet"/>, and its input preparation (224 × 224, BGR in 0–255, minus a mean image,
/// divided by <see cref="InputScale"/>).
/// </summary>
/// <remarks>
/// The package calls it ResNet-18, but its graph has three basic blocks in the last stage ([2, 2, 2, 3], 20 weighted layers
/// with a final layer), not torchvision's [2, 2, 2, 2]; <see cref="ResNet.Blocks"/> says so, and <c>layer4.2</c> is the extra
/// block. It was trained with CNTK, whose strided layers pad one more row and column before than after
/// (<see cref="ResNetPadding.MoreBefore"/>). It ends at the global average pool: 512 features, no classifier.
/// CNTK trained it on raw 0–255 pixels, so its first convolution's weights are about 57 times smaller than those of a
/// network trained on normalised pixels. The features do not care (batch norm follows), but SGD does: with batch norm after
/// it, a layer's relative update grows as the square of its weights' smallness, so finetuning moved <c>conv1</c> thousands
/// of times faster than torchvision's ResNet and the validation accuracy swung by 30 points between epochs. So
/// <see cref="Input"/> divides the pixels by <see cref="InputScale"/> (ImageNet's pixel deviation) and <see cref="Load()"/>
/// multiplies <c>conv1</c>'s weights by it: the same features, with the input on the scale torchvision's networks see.
/// </remarks>
public static class PretrainedResNet
{
    /// <summary>The package's id.</summary>
    public const string PackageId = "Microsoft.ML.DnnImageFeaturizer.ResNet18";

    /// <summary>The image size the network and its mean image are made for.</summary>
    public const int Size = 224;

    /// <summary>What <see cref="Input"/> divides the mean-subtracted pixels by, and <see cref="Load()"/> multiplies <c>conv1</c>'s weights by: 0.225 × 255, ImageNet's pixel deviation.</summary>
    public const float InputScale = 57.375f;

    private static readonly Lazy<Tensor> Mean = new(() =>
    {
        var path = Locate("tools/DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx");
        return ResNetOnnx.Initializer(ResNetOnnx.ReadModel(path), "MeanImage", path).Reshape(3, Size, Size);
    });

    /// <summary>Gets the package version this build reads (the project file pins it).</summary>
    public static string PackageVersion { get; } = typeof(PretrainedResNet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ResNet18PackageVersion").Value!;

    /// <summary>Gets the network's mean image, (3, 224, 224) in BGR order, that <see cref="Input"/> subtracts.</summary>
    public static Tensor MeanImage => Mean.Value;

    /// <summary>Loads the network with its ImageNet weights, in evaluation mode, without a final layer (it outputs 512 features).</summary>
    /// <exception cref="FileNotFoundException">The package is not in the NuGet package folder.</exception>
    public static ResNet Load() => Load(Locate("tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx"));

    /// <summary>Loads a network from an ONNX file of the same form, <c>conv1</c> rescaled for <see cref="Input"/>.</summary>
    /// <param name="path">The ONNX file.</param>
    public static ResNet Load(string path)
    {
        var model = ResNetOnnx.Load(ResNetOnnx.ReadModel(path), path);
        using var noGrad = Tensor.NoGrad();
        model.NamedParameters().Single(p => p.Name == "conv1.weight").Parameter.Mul_(InputScale);
        return model;
    }

    /// <summary>The network's input for 224 × 224 RGB images: channels in BGR order, 0–255, minus <see cref="MeanImage"/>, divided by <see cref="InputScale"/>; (N, 3, 224, 224).</summary>
    /// <exception cref="ArgumentException">An image is not 224 × 224 with at least three channels.</exception>
    public static Tensor Input(IReadOnlyList<Image> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var plane = Size * Size;
        var values = new float[images.Count * 3 * plane];
        var mean = MeanImage.ToArray<float>();
        for (var n = 0; n < images.Count; n++)
        {
            var image = images[n];
            if (image.Width != Size || image.Height != Size || image.Channels < 3)
            {
                throw new ArgumentException($"The pretrained ResNet takes {Size} × {Size} RGB images; image {n} is {image.Width} × {image.Height} with {image.Channels} channel(s). Resize and crop it first (ImageResize.ShorterSide, CenterCrop).", nameof(images));
            }

            for (var i = 0; i < plane; i++)
            {
                for (var bgr = 0; bgr < 3; bgr++)
                {
                    values[(((n * 3) + bgr) * plane) + i] = (image.Pixels[(i * image.Channels) + (2 - bgr)] - mean[(bgr * plane) + i]) / InputScale;
                }
            }
        }

        return Tensor.FromArray(values, images.Count, 3, Size, Size);
    }

    /// <summary>Gets the NuGet package folder: <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
    public static string PackageRoot => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
        ? set
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The path of a file in the package, in the NuGet package folder (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>).</summary>
    /// <param name="file">The file's path inside the package.</param>
    /// <param name="packageFolder">The NuGet package folder to look in instead (tests).</param>
    /// <exception cref="FileNotFoundException">It is not there.</exception>
    public static string Locate(string file, string? packageFolder = null)
    {
        var root = packageFolder ?? PackageRoot;
        var path = Path.Combine(root, PackageId.ToLowerInvariant(), PackageVersion, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The pretrained ResNet ({PackageId} {PackageVersion}) is not in the NuGet package folder {root}: {path} is missing. Run `dotnet restore` (Autograder.Data downloads the package), or set NUGET_PACKAGES to the folder that holds it.", path);
    }
}
