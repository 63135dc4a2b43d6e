using Autograder.Data.Images;

namespace Autograder.Data.Transforms;

/// <summary>
/// torchvision's <c>RandomResizedCrop</c> on an image: a window of a random share of the area (<paramref name="scale"/>) and
/// aspect ratio (<paramref name="ratio"/>, drawn on a log scale), resized to size × size; after ten windows that do not fit,
/// the central crop of the nearest allowed ratio. Seeded, so a run repeats; the draws are torchvision's, from our generator.
/// </summary>
/// <param name="size">The output width and height.</param>
/// <param name="generator">The source of the windows.</param>
/// <param name="scale">The range of the window's share of the image's area (torchvision: 0.08 to 1).</param>
/// <param name="ratio">The range of the window's width / height (torchvision: 3/4 to 4/3).</param>
public sealed class RandomResizedCrop(int size, Tensors.Generator generator, (double Min, double Max)? scale = null, (double Min, double Max)? ratio = null)
{
    private readonly (double Min, double Max) _scale = scale ?? (0.08, 1.0);
    private readonly (double Min, double Max) _ratio = ratio ?? (3.0 / 4.0, 4.0 / 3.0);

    /// <summary>Crops and resizes one image.</summary>
    public Image Apply(Image image)
    {
        var (top, left, height, width) = Window(image);
        return ImageResize.ResizedCrop(image, top, left, height, width, size, size);
    }

    /// <summary>Draws a window (top, left, height, width) for <paramref name="image"/>, as torchvision's <c>get_params</c>.</summary>
    public (int Top, int Left, int Height, int Width) Window(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var area = (double)image.Width * image.Height;
        var (logMin, logMax) = (Math.Log(_ratio.Min), Math.Log(_ratio.Max));
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var target = area * (_scale.Min + ((_scale.Max - _scale.Min) * generator.NextDouble()));
            var aspect = Math.Exp(logMin + ((logMax - logMin) * generator.NextDouble()));
            var w = (int)Math.Round(Math.Sqrt(target * aspect), MidpointRounding.ToEven);
            var h = (int)Math.Round(Math.Sqrt(target / aspect), MidpointRounding.ToEven);
            if (w > 0 && w <= image.Width && h > 0 && h <= image.Height)
            {
                var top = (int)generator.NextInt64(0, image.Height - h + 1);
                var left = (int)generator.NextInt64(0, image.Width - w + 1);
                return (top, left, h, w);
            }
        }

        // No window fitted: the central crop, its ratio clamped into the allowed range.
        var inRatio = (double)image.Width / image.Height;
        var (cw, ch) = inRatio < _ratio.Min ? (image.Width, (int)Math.Round(image.Width / _ratio.Min, MidpointRounding.ToEven))
            : inRatio > _ratio.Max ? ((int)Math.Round(image.Height * _ratio.Max, MidpointRounding.ToEven), image.Height)
            : (image.Width, image.Height);
        return ((image.Height - ch) / 2, (image.Width - cw) / 2, ch, cw);
    }
}
