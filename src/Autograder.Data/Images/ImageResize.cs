namespace Autograder.Data.Images;

/// <summary>
/// Geometric image operations on 8-bit images as torchvision's functional transforms do them on PIL images: resize
/// (Pillow's antialiased bilinear, <see cref="Resample"/>), crops and flips.
/// </summary>
public static class ImageResize
{
    /// <summary>Resizes so that the shorter side becomes <paramref name="size"/> and the longer one keeps the aspect ratio (truncated, as torchvision computes it).</summary>
    public static Image ShorterSide(Image image, int size)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (size <= 0)
        {
            throw new ArgumentException($"Resize: the shorter side's size must be positive; got {size}.");
        }

        var (shorter, longer) = (Math.Min(image.Width, image.Height), Math.Max(image.Width, image.Height));
        var newLonger = (int)((long)size * longer / shorter);
        return image.Width <= image.Height ? Bilinear(image, size, newLonger) : Bilinear(image, newLonger, size);
    }

    /// <summary>Bilinear resampling to width × height (antialiased when shrinking), as <c>PIL.Image.resize(…, BILINEAR)</c>.</summary>
    public static Image Bilinear(Image image, int width, int height) => Resample.Bilinear(image, width, height);

    /// <summary>Cuts the central width × height window, its offsets rounded half to even as torchvision's <c>center_crop</c> does.</summary>
    public static Image CenterCrop(Image image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Width < width || image.Height < height)
        {
            throw new ArgumentException($"CenterCrop: a {width}×{height} crop does not fit a {image.Width}×{image.Height} image.");
        }

        var top = (int)Math.Round((image.Height - height) / 2.0, MidpointRounding.ToEven);
        var left = (int)Math.Round((image.Width - width) / 2.0, MidpointRounding.ToEven);
        return Crop(image, top, left, height, width);
    }

    /// <summary>Cuts the height × width window whose top-left corner is (<paramref name="top"/>, <paramref name="left"/>); it must lie inside the image.</summary>
    public static Image Crop(Image image, int top, int left, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (top < 0 || left < 0 || height <= 0 || width <= 0 || top + height > image.Height || left + width > image.Width)
        {
            throw new ArgumentException($"Crop: the {width}×{height} window at (top {top}, left {left}) does not lie inside a {image.Width}×{image.Height} image.");
        }

        var c = image.Channels;
        var output = new byte[width * height * c];
        for (var y = 0; y < height; y++)
        {
            image.Pixels.AsSpan((((top + y) * image.Width) + left) * c, width * c).CopyTo(output.AsSpan(y * width * c));
        }

        return new Image(width, height, c, output);
    }

    /// <summary>A crop resized to width × height, as torchvision's <c>resized_crop</c> (the step of <c>RandomResizedCrop</c> after its window is drawn).</summary>
    public static Image ResizedCrop(Image image, int top, int left, int cropHeight, int cropWidth, int width, int height) =>
        Bilinear(Crop(image, top, left, cropHeight, cropWidth), width, height);

    /// <summary>Mirrors left to right, as torchvision's <c>hflip</c>.</summary>
    public static Image FlipHorizontal(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var c = image.Channels;
        var output = new byte[image.Pixels.Length];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                image.Pixels.AsSpan((((y * image.Width) + x) * c), c).CopyTo(output.AsSpan((((y * image.Width) + (image.Width - 1 - x)) * c)));
            }
        }

        return new Image(image.Width, image.Height, c, output);
    }
}
