using Autograder.Data.Images;
using Autograder.Data.Pretrained;
using Autograder.Grading.Experiments;
using Autograder.Tensors;

namespace Autograder.Host.Experiments.A4;

/// <summary>
/// What the style-transfer loop and the host's scoring share: the image pairs, sizes, layers, weights and schedule, and the
/// image's space. As in CS231n, the image being optimised lives in torchvision's normalised RGB space
/// ((x − mean) / std with ImageNet's mean and deviation) and is clamped to [−1.5, 1.5] until the rate decays; the
/// pretrained SqueezeNet 1.0 (Caffe's) reads it converted to its own input (BGR in 0–255 minus its mean).
/// </summary>
/// <remarks>
/// CS231n's layers are those of torchvision's SqueezeNet 1.1: content at its first Fire module, style at the first
/// convolution, the second Fire module and the two Fire modules after the second pooling. On SqueezeNet 1.0 those are
/// <see cref="SqueezeNet.Activations"/>' layers 2 (content) and 0, 3, 6, 7 (style). The 1.0 network reads 0–255 pixels,
/// about 57 times the normalised values, so its squared features are about 57² and its squared Gram entries 57⁴ times
/// larger: the style weights are CS231n's divided by 57⁴ and the content weight by 57² (then raised from 0.06 to 0.1, and to
/// 0.24 for the smaller quick images, whose content loss sums over fewer positions), and the total-variation weight is 1
/// instead of 0.02 (1.0's 7 × 7 stride-2 first layer leaves a checkerboard that 0.02 does not smooth). Chosen by looking at
/// the reference's images: stylised, the content still clear.
/// </remarks>
internal sealed record StyleTransferSetup(int ContentSize, int StyleSize, int Iterations, int DecayAt, double ContentWeight)
{
    /// <summary>The content and style image of each run, by file name in the set's <c>256/</c> folder.</summary>
    public static IReadOnlyList<(string Content, string Style)> Pairs { get; } =
    [
        ("tubingen", "the_scream"),
        ("golden_gate", "starry_night"),
        ("hoover_tower_night", "the_great_wave"),
    ];

    /// <summary>The requirement: the set with its 256 px images (the full set, or the bundled copy of them).</summary>
    public static DataRequirement Requirement { get; } = new("style-transfer", "style-transfer-small", ["256/content/tubingen.png", "256/style/the_scream.png"]);

    /// <summary>The layer whose features the content loss compares.</summary>
    public const int ContentLayer = 2;

    /// <summary>The layers whose Gram matrices the style loss compares.</summary>
    public static IReadOnlyList<int> StyleLayers { get; } = [0, 3, 6, 7];

    /// <summary>The style loss's weight of each of <see cref="StyleLayers"/>.</summary>
    public static IReadOnlyList<double> StyleWeights { get; } = [300000 / PixelScale4, 1000 / PixelScale4, 15 / PixelScale4, 3 / PixelScale4];

    /// <summary>(255 · 0.225)², (255 · 0.225)⁴: how much larger 1.0's squared features and squared Gram entries are for pixels in 0–255 than for normalised ones.</summary>
    private const double PixelScale2 = 57.375 * 57.375, PixelScale4 = PixelScale2 * PixelScale2;

    /// <summary>The total-variation loss's weight.</summary>
    public const double TvWeight = 1.0;

    /// <summary>Adam's rate before <see cref="DecayAt"/> and after.</summary>
    public const double InitialRate = 3.0, DecayedRate = 0.1;

    /// <summary>How many SqueezeNet layers the features need.</summary>
    public const int FeatureLayers = 8;

    /// <summary>The full run: CS231n's 192 px content, 200 iterations with the rate decayed at 180.</summary>
    public static StyleTransferSetup Full { get; } = new(192, 192, 200, 180, 0.1 / PixelScale2);

    /// <summary>The quick run: 128 px, 100 iterations, decayed at 90.</summary>
    public static StyleTransferSetup Quick { get; } = new(128, 128, 100, 90, 0.24 / PixelScale2);

    private static readonly double[] Mean = [0.485, 0.456, 0.406];
    private static readonly double[] Std = [0.229, 0.224, 0.225];

    /// <summary>An image in the optimised space, (1, 3, H, W) float32, its shorter side resized to <paramref name="size"/>.</summary>
    public static Tensor Preprocess(Image image, int size) => Normalise(ImageResize.ShorterSide(image, size));

    /// <summary>An RGB picture in the optimised space as it is, (1, 3, H, W) float32.</summary>
    public static Tensor Normalise(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var rgb = image.ToTensor().Narrow(0, 0, 3);
        return ((rgb - Column(Mean)) / Column(Std)).Unsqueeze(0);
    }

    /// <summary>The 8-bit picture of an optimised image (1, 3, H, W): values outside what a pixel can show are clamped.</summary>
    public static Image Deprocess(Tensor image) => Image.FromTensor(((image.Detach().To(DType.Float32)[0] * Column(Std)) + Column(Mean)).Clamp(0, 1));

    /// <summary>SqueezeNet's input for an optimised image, differentiable: back to 0–255, RGB to BGR, minus its mean.</summary>
    public static Tensor ToSqueezeNet(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pixels = ((image * Column(Std)) + Column(Mean)) * 255.0;
        return pixels.IndexSelect(1, Tensor.FromArray(new long[] { 2, 1, 0 }, 3)) - Column([.. SqueezeNet.MeanBgr]);
    }

    /// <summary>The features of the first <see cref="FeatureLayers"/> layers of an optimised image.</summary>
    public static IReadOnlyList<Tensor> Features(SqueezeNet network, Tensor image)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Activations(ToSqueezeNet(image), FeatureLayers);
    }

    /// <summary>Loads one of the set's 256 px images.</summary>
    public static Image Load(string folder, string kind, string name) => ImageCodec.Read(Path.Combine(folder, "256", kind, name + ".png"));

    private static Tensor Column(double[] values) => Tensor.FromArray(values.Select(v => (float)v).ToArray(), 3, 1, 1);
}
