namespace Autograder.Data.Transforms;

/// <summary>Zero-pads a batch of images (N, C, H, W) and cuts a random size×size window from each (seeded), like torchvision's <c>RandomCrop</c>.</summary>
/// <param name="size">The output height and width.</param>
/// <param name="padding">Zero padding added on every side first.</param>
/// <param name="generator">The source of the offsets.</param>
public sealed class RandomCrop(int size, int padding, Tensors.Generator generator)
{
    /// <summary>Crops every image at its own random offset.</summary>
    public Tensors.Tensor Apply(Tensors.Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var padded = padding > 0 ? images.Pad([padding, padding, padding, padding]) : images;
        int h = padded.Shape[2], w = padded.Shape[3];
        if (h < size || w < size)
        {
            throw new ArgumentException($"RandomCrop: a {size}×{size} crop does not fit padded images of {h}×{w}.", nameof(images));
        }

        var crops = new Tensors.Tensor[padded.Shape[0]];
        for (var i = 0; i < crops.Length; i++)
        {
            var top = (int)generator.NextInt64(0, h - size + 1);
            var left = (int)generator.NextInt64(0, w - size + 1);
            crops[i] = padded[i].Narrow(1, top, size).Narrow(2, left, size);
        }

        return Tensors.Tensor.Stack(crops);
    }
}
