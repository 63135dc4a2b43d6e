using Autograder.Data.Images;
using Autograder.Data.Pretrained;
using Autograder.Data.Readers;
using Autograder.Data.Transforms;
using Autograder.Grading.Experiments;
using Autograder.Tensors;

namespace Autograder.Host.Experiments.A4;

/// <summary>
/// The ants-and-bees images of PyTorch's transfer-learning tutorial with the tutorial's transforms: for training, a random
/// resized crop to 224 × 224 and a horizontal flip half of the time (drawn anew each epoch, seeded); for validation, the
/// shorter side resized to 256 and the central 224 × 224. Both then become the pretrained network's own input
/// (<see cref="PretrainedResNet.Input"/>: BGR in 0–255 minus its mean image, over ImageNet's pixel deviation), where the tutorial normalises with ImageNet's
/// mean and deviation for torchvision's weights.
/// </summary>
internal sealed class HymenopteraData
{
    /// <summary>The requirement: the full set (245 training, 153 validation images) or the bundled 48 + 48.</summary>
    public static DataRequirement Requirement { get; } = new("hymenoptera", "hymenoptera-small", ["hymenoptera_data/val/bees/1032546534_06907fe3b3.png"]);

    private HymenopteraData(IReadOnlyList<string> classes, IReadOnlyList<(Image Image, int Label)> train, IReadOnlyList<(Image Image, int Label)> validation, string description, bool full)
    {
        (Classes, Train, Validation, Description, IsFull) = (classes, train, validation, description, full);
    }

    /// <summary>Gets the class names by label (ants, bees).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Gets the decoded training images with their labels.</summary>
    public IReadOnlyList<(Image Image, int Label)> Train { get; }

    /// <summary>Gets the decoded validation images with their labels, in the folder's order.</summary>
    public IReadOnlyList<(Image Image, int Label)> Validation { get; }

    /// <summary>Gets which set this is, for the report.</summary>
    public string Description { get; }

    /// <summary>Gets whether this is the full set (it sets the band and the number of epochs).</summary>
    public bool IsFull { get; }

    /// <summary>Loads and decodes both splits of the run's set; an image that does not decode stops the run with its name.</summary>
    public static HymenopteraData Load(IReadOnlyDictionary<string, string> settings)
    {
        var (folder, description, full) = ExperimentData.Locate(settings, Requirement);
        var root = Path.Combine(folder, "hymenoptera_data");
        var (classes, train) = Decode(Path.Combine(root, "train"));
        var (_, validation) = Decode(Path.Combine(root, "val"));
        return new HymenopteraData(classes, train, validation, description, full);
    }

    /// <summary>The validation images as the network's input, (N, 3, 224, 224): resize 256, centre crop 224.</summary>
    public Tensor ValidationInput() => PretrainedResNet.Input([.. Validation.Select(v => CenterView(v.Image))]);

    /// <summary>The validation labels, (N) int64.</summary>
    public Tensor ValidationLabels() => Tensor.FromArray(Validation.Select(v => (long)v.Label).ToArray(), Validation.Count);

    /// <summary>
    /// One epoch of training batches in a fresh random order, each image randomly cropped and flipped as it is drawn
    /// (the last batch may be smaller).
    /// </summary>
    public IEnumerable<(Tensor Images, Tensor Labels)> TrainingBatches(int batchSize, Generator generator)
    {
        var crop = new RandomResizedCrop(PretrainedResNet.Size, generator);
        var order = Tensor.Randperm(generator, Train.Count).ToArray<long>();
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var picked = order.Skip(start).Take(batchSize).Select(i => Train[(int)i]).ToList();
            var images = picked.Select(p => crop.Apply(p.Image)).Select(i => generator.NextDouble() < 0.5 ? ImageResize.FlipHorizontal(i) : i).ToList();
            yield return (PretrainedResNet.Input(images), Tensor.FromArray(picked.Select(p => (long)p.Label).ToArray(), picked.Count));
        }
    }

    /// <summary>Resize 256, centre crop 224: what the network sees of a validation image (and what the gallery shows).</summary>
    public static Image CenterView(Image image) => ImageResize.CenterCrop(ImageResize.ShorterSide(image, 256), PretrainedResNet.Size, PretrainedResNet.Size);

    private static (IReadOnlyList<string> Classes, IReadOnlyList<(Image, int)> Images) Decode(string folder)
    {
        var (classes, items) = ImageFolder.List(folder);
        var (images, failures) = ImageFolder.LoadAll(items);
        return failures.Count > 0
            ? throw new InvalidDataException($"{failures.Count} image(s) of {folder} could not be read; the first: {failures[0]} Restore the data set ('autograder data verify').")
            : (classes, [.. images.Select(i => i.Image.Channels >= 3 ? i : (ToRgb(i.Image), i.Label))]);
    }

    private static Image ToRgb(Image gray)
    {
        var pixels = new byte[gray.Width * gray.Height * 3];
        for (var i = 0; i < gray.Width * gray.Height; i++)
        {
            pixels[3 * i] = pixels[(3 * i) + 1] = pixels[(3 * i) + 2] = gray.Pixels[i * gray.Channels];
        }

        return new Image(gray.Width, gray.Height, 3, pixels);
    }
}
