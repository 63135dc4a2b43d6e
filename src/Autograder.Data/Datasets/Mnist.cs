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
        var prefix = train ? "train" : "t10k";
        var (imageShape, pixels) = Idx.Read(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), limit);
        var (labelShape, labels) = Idx.Read(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"), limit);
        if (imageShape.Length != 3 || labelShape.Length != 1 || imageShape[0] != labelShape[0])
        {
            throw new DataFormatException($"MNIST {folder}: expected images (N, H, W) and labels (N); got ({string.Join(", ", imageShape)}) and ({string.Join(", ", labelShape)}).");
        }

        var images = new float[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            images[i] = pixels[i] / 255f;
        }

        var images4 = Tensors.Tensor.FromArray(images, imageShape[0], 1, imageShape[1], imageShape[2]);
        var labelTensor = Tensors.Tensor.FromArray(Array.ConvertAll(labels, b => (long)b));
        return new ImageClassificationSet(images4, labelTensor, fashion ? FashionClasses : DigitClasses);
    }
}
