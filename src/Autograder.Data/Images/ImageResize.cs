namespace Autograder.Data.Images;

/// <summary>Geometric image operations on 8-bit images: bilinear resize (pixel centres aligned, as PIL and torchvision do) and centre crop.</summary>
public static class ImageResize
{
    /// <summary>Resizes so that the shorter side becomes <paramref name="size"/>, keeping the aspect ratio.</summary>
    public static Image ShorterSide(Image image, int size)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = (double)size / Math.Min(image.Width, image.Height);
        return Bilinear(image, Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)));
    }

    /// <summary>Bilinear resampling to width × height.</summary>
    public static Image Bilinear(Image image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException($"Resize: the target size {width}×{height} must be positive.");
        }

        var c = image.Channels;
        var output = new byte[width * height * c];
        double sx = (double)image.Width / width, sy = (double)image.Height / height;
        for (var y = 0; y < height; y++)
        {
            var fy = Math.Clamp(((y + 0.5) * sy) - 0.5, 0, image.Height - 1);
            int y0 = (int)fy, y1 = Math.Min(y0 + 1, image.Height - 1);
            var wy = fy - y0;
            for (var x = 0; x < width; x++)
            {
                var fx = Math.Clamp(((x + 0.5) * sx) - 0.5, 0, image.Width - 1);
                int x0 = (int)fx, x1 = Math.Min(x0 + 1, image.Width - 1);
                var wx = fx - x0;
                for (var k = 0; k < c; k++)
                {
                    double Pixel(int px, int py) => image.Pixels[(((py * image.Width) + px) * c) + k];
                    var top = (Pixel(x0, y0) * (1 - wx)) + (Pixel(x1, y0) * wx);
                    var bottom = (Pixel(x0, y1) * (1 - wx)) + (Pixel(x1, y1) * wx);
                    output[(((y * width) + x) * c) + k] = (byte)Math.Clamp(Math.Round((top * (1 - wy)) + (bottom * wy)), 0, 255);
                }
            }
        }

        return new Image(width, height, c, output);
    }

    /// <summary>Cuts the central width × height window (the image must be at least that large).</summary>
    public static Image CenterCrop(Image image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Width < width || image.Height < height)
        {
            throw new ArgumentException($"CenterCrop: a {width}×{height} crop does not fit a {image.Width}×{image.Height} image.");
        }

        int left = (image.Width - width) / 2, top = (image.Height - height) / 2, c = image.Channels;
        var output = new byte[width * height * c];
        for (var y = 0; y < height; y++)
        {
            image.Pixels.AsSpan((((top + y) * image.Width) + left) * c, width * c).CopyTo(output.AsSpan(y * width * c));
        }

        return new Image(width, height, c, output);
    }
}
