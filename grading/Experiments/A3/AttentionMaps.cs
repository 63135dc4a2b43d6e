using Autograder.Data.Images;
using Autograder.Tensors;

namespace Autograder.Host.Experiments.A3;

/// <summary>
/// Draws where an attention decoder looked: a strip of panels, first the image as SqueezeNet saw it (the 227 × 227 centre
/// crop), then, for each generated word, the image lit by that step's weights over the 13 × 13 regions (bilinearly
/// upsampled, the largest weight at full brightness, zero weight at a fifth).
/// </summary>
internal static class AttentionMaps
{
    /// <summary>The most words drawn: longer captions are cut.</summary>
    public const int MaxWords = 10;

    private const int Panel = 112;
    private const int Gap = 4;
    private const int Grid = 13;

    /// <summary>The strip's PNG.</summary>
    /// <param name="imagePath">The image file.</param>
    /// <param name="weights">The weights of each generated word, (T, 169).</param>
    /// <param name="words">How many words to draw (at most <see cref="MaxWords"/>).</param>
    public static byte[] Png(string imagePath, Tensor weights, int words)
    {
        var image = Autograder.Data.Images.ImageCodec.Read(imagePath);
        var small = ImageResize.Bilinear(ImageResize.CenterCrop(ImageResize.ShorterSide(image, 256), 227, 227), Panel, Panel);
        var panels = 1 + Math.Min(Math.Min(words, MaxWords), weights.Shape[0]);
        var (width, height) = ((panels * (Panel + Gap)) + Gap, Panel + (2 * Gap));
        var pixels = Enumerable.Repeat((byte)255, width * height * 3).ToArray();
        for (var p = 0; p < panels; p++)
        {
            var light = p == 0 ? null : Upsampled(weights[p - 1].ToArray<double>());
            var left = Gap + (p * (Panel + Gap));
            for (var y = 0; y < Panel; y++)
            {
                for (var x = 0; x < Panel; x++)
                {
                    var factor = light is null ? 1 : 0.2 + (0.8 * light[(y * Panel) + x]);
                    for (var c = 0; c < 3; c++)
                    {
                        var value = small.Pixels[(((y * Panel) + x) * small.Channels) + Math.Min(c, small.Channels - 1)];
                        pixels[((((Gap + y) * width) + left + x) * 3) + c] = (byte)Math.Round(value * factor);
                    }
                }
            }
        }

        return Autograder.Data.Images.ImageCodec.EncodePng(new Image(width, height, 3, pixels));
    }

    /// <summary>The 13 × 13 weights resampled to the panel (pixel centres aligned) and divided by their largest value.</summary>
    private static double[] Upsampled(double[] weights)
    {
        var largest = Math.Max(weights.Max(), 1e-12);
        var result = new double[Panel * Panel];
        double Source(int i) => Math.Clamp(((i + 0.5) * Grid / Panel) - 0.5, 0, Grid - 1);
        for (var y = 0; y < Panel; y++)
        {
            var sy = Source(y);
            var y0 = (int)sy;
            var (y1, fy) = (Math.Min(y0 + 1, Grid - 1), sy - y0);
            for (var x = 0; x < Panel; x++)
            {
                var sx = Source(x);
                var x0 = (int)sx;
                var (x1, fx) = (Math.Min(x0 + 1, Grid - 1), sx - x0);
                double W(int r, int c) => weights[(r * Grid) + c];
                var top = (W(y0, x0) * (1 - fx)) + (W(y0, x1) * fx);
                var bottom = (W(y1, x0) * (1 - fx)) + (W(y1, x1) * fx);
                result[(y * Panel) + x] = ((top * (1 - fy)) + (bottom * fy)) / largest;
            }
        }

        return result;
    }
}
