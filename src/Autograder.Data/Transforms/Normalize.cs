namespace Autograder.Data.Transforms;

/// <summary>Per-channel (x − mean) / std for (C, H, W) or (N, C, H, W) images, like torchvision's <c>Normalize</c>.</summary>
/// <param name="mean">The channel means.</param>
/// <param name="std">The channel standard deviations.</param>
public sealed class Normalize(double[] mean, double[] std)
{
    /// <summary>Applies the normalisation.</summary>
    public Tensors.Tensor Apply(Tensors.Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var channelDim = images.Dim - 3;
        if (channelDim < 0 || images.Shape[channelDim] != mean.Length || mean.Length != std.Length)
        {
            throw new ArgumentException($"Normalize: {mean.Length} channel statistics do not fit images of shape ({string.Join(", ", images.Shape.ToArray())}).", nameof(images));
        }

        int[] shape = [mean.Length, 1, 1];
        var m = Tensors.Tensor.FromArray(mean, shape).To(images.DType);
        var s = Tensors.Tensor.FromArray(std, shape).To(images.DType);
        return (images - m) / s;
    }
}
