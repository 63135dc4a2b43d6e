using Autograder.Data.Images;
using Autograder.Tensors;

namespace Autograder.Host.Experiments;

/// <summary>Draws convolution kernels as a gray PNG grid, each kernel stretched to its own minimum (black) and maximum (white).</summary>
internal static class FilterGrid
{
    /// <summary>White pixels between kernels.</summary>
    private const int Gap = 2;

    /// <summary>The PNG of <paramref name="weights"/> (F, C, h, w): one row per filter and one column per input channel, or a square grid when C is 1.</summary>
    /// <param name="weights">The kernels.</param>
    /// <param name="scale">Pixels per kernel element.</param>
    public static byte[] Png(Tensor weights, int scale)
    {
        var (filters, channels, h, w) = (weights.Shape[0], weights.Shape[1], weights.Shape[2], weights.Shape[3]);
        var kernels = weights.To(DType.Float64).Reshape(filters * channels, h, w);
        var columns = channels == 1 ? (int)Math.Ceiling(Math.Sqrt(filters)) : channels;
        var rows = ((filters * channels) + columns - 1) / columns;
        var (tileH, tileW) = ((h * scale) + Gap, (w * scale) + Gap);
        var (height, width) = ((rows * tileH) + Gap, (columns * tileW) + Gap);
        var pixels = Enumerable.Repeat((byte)255, height * width).ToArray();
        for (var k = 0; k < filters * channels; k++)
        {
            var values = kernels[k].ToArray<double>();
            var (low, high) = (values.Min(), values.Max());
            var (top, left) = ((k / columns * tileH) + Gap, (k % columns * tileW) + Gap);
            for (var y = 0; y < h * scale; y++)
            {
                for (var x = 0; x < w * scale; x++)
                {
                    var v = values[(y / scale * w) + (x / scale)];
                    pixels[((top + y) * width) + left + x] = (byte)Math.Round(high > low ? 255 * (v - low) / (high - low) : 128);
                }
            }
        }

        return Autograder.Data.Images.ImageCodec.EncodePng(new Image(width, height, 1, pixels));
    }
}
