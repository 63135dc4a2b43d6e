namespace Autograder.Data.Transforms;

/// <summary>Mirrors each image of a batch (N, C, H, W) left-to-right with probability p (seeded), like torchvision's <c>RandomHorizontalFlip</c>.</summary>
/// <param name="probability">The chance that an image is flipped.</param>
/// <param name="generator">The source of the coin flips.</param>
public sealed class RandomHorizontalFlip(double probability, Tensors.Generator generator)
{
    /// <summary>Flips a random subset of the images.</summary>
    public Tensors.Tensor Apply(Tensors.Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var width = images.Shape[^1];
        var reversed = Tensors.Tensor.Arange(width - 1, -1, -1);
        var result = new Tensors.Tensor[images.Shape[0]];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = generator.NextDouble() < probability ? images[i].IndexSelect(-1, reversed) : images[i];
        }

        return Tensors.Tensor.Stack(result);
    }
}
