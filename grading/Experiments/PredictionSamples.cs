using Autograder.Data.Images;
using Autograder.Tensors;

namespace Autograder.Host.Experiments;

/// <summary>
/// Test images with the model's predicted labels, for the report's galleries: the first <see cref="Count"/> test images
/// (<c>samples_0</c>…) and the first <see cref="Count"/> the model got wrong (<c>mistakes_0</c>…), each captioned.
/// </summary>
internal static class PredictionSamples
{
    /// <summary>Images per gallery.</summary>
    public const int Count = 8;

    /// <summary>Pixels per image pixel: 28×28 digits are shown at 84×84.</summary>
    private const int Scale = 3;

    /// <summary>Adds the two galleries to <paramref name="images"/> (PNG) and <paramref name="facts"/> (captions, same names).</summary>
    /// <param name="testImages">The test images, (N, 1, H, W) with values in [0, 1].</param>
    /// <param name="predictions">The predicted classes, (N).</param>
    /// <param name="labels">The true classes, (N).</param>
    /// <param name="classes">Class names by index.</param>
    /// <param name="images">Where the PNGs go.</param>
    /// <param name="facts">Where the captions go.</param>
    public static void Add(Tensor testImages, Tensor predictions, Tensor labels, IReadOnlyList<string> classes, Dictionary<string, byte[]> images, Dictionary<string, string> facts)
    {
        if (!predictions.Shape.SequenceEqual(labels.Shape) || testImages.Shape[0] != labels.Shape[0])
        {
            return; // the judge has already said the predictions are malformed
        }

        var (predicted, truth) = (predictions.To(DType.Int64).ToArray<long>(), labels.To(DType.Int64).ToArray<long>());
        string Name(long c) => c >= 0 && c < classes.Count ? classes[(int)c] : $"class {c}";
        void Put(string name, int i)
        {
            images[name] = ImageCodec.EncodePng(Upscale(Image.FromTensor(testImages[i])));
            facts[name] = predicted[i] == truth[i] ? $"{Name(predicted[i])} ✓" : $"{Name(predicted[i])} (true: {Name(truth[i])})";
        }

        for (var i = 0; i < Math.Min(Count, truth.Length); i++)
        {
            Put($"samples_{i}", i);
        }

        var mistakes = Enumerable.Range(0, truth.Length).Where(i => predicted[i] != truth[i]).Take(Count).ToList();
        for (var k = 0; k < mistakes.Count; k++)
        {
            Put($"mistakes_{k}", mistakes[k]);
        }
    }

    /// <summary>Nearest-neighbour enlargement, so small digits stay sharp in a report.</summary>
    private static Image Upscale(Image image)
    {
        var (width, height, channels) = (image.Width * Scale, image.Height * Scale, image.Channels);
        var pixels = new byte[width * height * channels];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Array.Copy(image.Pixels, (((y / Scale) * image.Width) + (x / Scale)) * channels, pixels, ((y * width) + x) * channels, channels);
            }
        }

        return new Image(width, height, channels, pixels);
    }
}
