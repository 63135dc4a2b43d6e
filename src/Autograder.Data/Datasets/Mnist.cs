using Autograder.Data.Readers;

namespace Autograder.Data.Datasets;

/// <summary>MNIST and Fashion-MNIST from their four IDX files (gzip), as (N, 1, 28, 28) float32 images in [0, 1] and int64 labels.</summary>
public static class Mnist
{
    /// <summary>Gets Fashion-MNIST's class names, by label.</summary>
    public static IReadOnlyList<string> FashionClasses { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Gets the digit class names.</summary>
    public static IReadOnlyList<string> DigitClasses { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Loads the training or test split from a folder with the standard file names (<c>train-images-idx3-ubyte.gz</c>, …).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="train">The training split (otherwise the test split, "t10k").</param>
    /// <param name="limit">At most this many examples, from the start.</param>
    /// <param name="fashion">Whether to name the classes as Fashion-MNIST's.</param>
    public static ImageClassificationSet Load(string folder, bool train, int? limit = null, bool fashion = false)
    {
        var images = LoadImages(folder, train, limit);
        var labels = LoadLabels(folder, train, limit);
        if (images.Shape[0] != labels.Shape[0])
        {
            throw new DataFormatException($"MNIST {folder}: {images.Shape[0]} images but {labels.Shape[0]} labels.");
        }

        return new ImageClassificationSet(images, labels, fashion ? FashionClasses : DigitClasses);
    }

    /// <summary>Loads only the images of a split, (N, 1, 28, 28) float32 in [0, 1] (e.g. held-out inputs given to a model without their labels).</summary>
    public static Tensors.Tensor LoadImages(string folder, bool train, int? limit = null)
    {
        var (shape, pixels) = Idx.Read(Path.Combine(folder, $"{Prefix(train)}-images-idx3-ubyte.gz"), limit);
        if (shape.Length != 3)
        {
            throw new DataFormatException($"MNIST {folder}: expected images (N, H, W); got ({string.Join(", ", shape)}).");
        }

        var images = new float[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            images[i] = pixels[i] / 255f;
        }

        return Tensors.Tensor.FromArray(images, shape[0], 1, shape[1], shape[2]);
    }

    /// <summary>Loads only the labels of a split, (N) int64.</summary>
    public static Tensors.Tensor LoadLabels(string folder, bool train, int? limit = null)
    {
        var (shape, labels) = Idx.Read(Path.Combine(folder, $"{Prefix(train)}-labels-idx1-ubyte.gz"), limit);
        return shape.Length == 1
            ? Tensors.Tensor.FromArray(Array.ConvertAll(labels, b => (long)b))
            : throw new DataFormatException($"MNIST {folder}: expected labels (N); got ({string.Join(", ", shape)}).");
    }

    private static string Prefix(bool train) => train ? "train" : "t10k";
}
