namespace Autograder.Data.Datasets;

/// <summary>Images and integer labels held in memory: images (N, C, H, W) float32 in [0, 1], labels (N) int64.</summary>
/// <param name="Images">The images.</param>
/// <param name="Labels">The labels.</param>
/// <param name="Classes">The class names, by label.</param>
public sealed record ImageClassificationSet(Tensors.Tensor Images, Tensors.Tensor Labels, IReadOnlyList<string> Classes) : IDataset<(Tensors.Tensor Image, long Label)>
{
    /// <inheritdoc/>
    public int Count => Labels.Shape[0];

    /// <inheritdoc/>
    public (Tensors.Tensor Image, long Label) this[int index] => (Images[index], (long)Labels[index].Item());

    /// <summary>The examples at the given positions, as a new set.</summary>
    public ImageClassificationSet Take(Tensors.Tensor indices) => new(Images.IndexSelect(0, indices), Labels.IndexSelect(0, indices), Classes);

    /// <summary>The first <paramref name="count"/> examples.</summary>
    public ImageClassificationSet Head(int count) => new(Images.Narrow(0, 0, Math.Min(count, Count)), Labels.Narrow(0, 0, Math.Min(count, Count)), Classes);

    /// <summary>Splits into a training and a validation part at random (seeded), like <c>random_split</c>.</summary>
    public (ImageClassificationSet Train, ImageClassificationSet Validation) Split(int validationCount, long seed)
    {
        if (validationCount < 0 || validationCount > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(validationCount), validationCount, $"Split: the validation part must hold between 0 and {Count} examples.");
        }

        var order = Tensors.Tensor.Randperm(new Tensors.Generator(seed), Count);
        return (Take(order.Narrow(0, validationCount, Count - validationCount)), Take(order.Narrow(0, 0, validationCount)));
    }
}
