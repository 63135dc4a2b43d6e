namespace Autograder.Data.Images;

/// <summary>
/// Pillow's bilinear resampling (what torchvision's <c>Resize</c> does to a PIL image), reproduced to the byte: a triangle
/// filter widened by the reduction factor when shrinking (so it is antialiased), applied along rows and then along columns,
/// with Pillow's 22-bit fixed-point weights and rounding.
/// </summary>
/// <remarks>
/// Written by hand because no .NET library resamples as Pillow does, and a course that compares with PyTorch needs the
/// same pixels: SkiaSharp's filters differ from Pillow's by several levels. Follows Pillow's <c>libImaging/Resample.c</c>
/// (<c>precompute_coeffs</c>, <c>normalize_coeffs_8bpc</c>, <c>ImagingResampleHorizontal_8bpc</c>).
/// </remarks>
public static class Resample
{
    private const int PrecisionBits = 32 - 8 - 2;

    /// <summary>Resizes to width × height.</summary>
    public static Image Bilinear(Image image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException($"Resize: the target size {width}×{height} must be positive.");
        }

        var c = image.Channels;
        var pixels = image.Pixels;
        var (w, h) = (image.Width, image.Height);
        if (width != w)
        {
            var (bounds, weights, size) = Coefficients(w, width);
            var output = new byte[width * h * c];
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var (first, count) = (bounds[2 * x], bounds[(2 * x) + 1]);
                    for (var k = 0; k < c; k++)
                    {
                        var sum = 1 << (PrecisionBits - 1);
                        for (var i = 0; i < count; i++)
                        {
                            sum += pixels[(((y * w) + first + i) * c) + k] * weights[(x * size) + i];
                        }

                        output[(((y * width) + x) * c) + k] = Clip(sum);
                    }
                }
            }

            (pixels, w) = (output, width);
        }

        if (height != h)
        {
            var (bounds, weights, size) = Coefficients(h, height);
            var output = new byte[w * height * c];
            for (var y = 0; y < height; y++)
            {
                var (first, count) = (bounds[2 * y], bounds[(2 * y) + 1]);
                for (var x = 0; x < w * c; x++)
                {
                    var sum = 1 << (PrecisionBits - 1);
                    for (var i = 0; i < count; i++)
                    {
                        sum += pixels[((first + i) * w * c) + x] * weights[(y * size) + i];
                    }

                    output[(y * w * c) + x] = Clip(sum);
                }
            }

            pixels = output;
        }

        return new Image(width, height, c, ReferenceEquals(pixels, image.Pixels) ? (byte[])pixels.Clone() : pixels);
    }

    /// <summary>For each output position: the first input index, how many inputs it reads, and their fixed-point weights (row-major, <c>size</c> per output).</summary>
    private static (int[] Bounds, int[] Weights, int Size) Coefficients(int inSize, int outSize)
    {
        var scale = (double)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = 1.0 * filterScale;
        var size = ((int)Math.Ceiling(support) * 2) + 1;
        var bounds = new int[outSize * 2];
        var weights = new int[outSize * size];
        var row = new double[size];
        for (var x = 0; x < outSize; x++)
        {
            var center = (x + 0.5) * scale;
            var min = Math.Max((int)(center - support + 0.5), 0);
            var count = Math.Min((int)(center + support + 0.5), inSize) - min;
            var total = 0.0;
            for (var i = 0; i < count; i++)
            {
                var distance = Math.Abs((i + min - center + 0.5) / filterScale);
                row[i] = distance < 1.0 ? 1.0 - distance : 0.0;
                total += row[i];
            }

            for (var i = 0; i < count; i++)
            {
                var weight = total != 0.0 ? row[i] / total : row[i];
                weights[(x * size) + i] = (int)(weight < 0 ? -0.5 + (weight * (1 << PrecisionBits)) : 0.5 + (weight * (1 << PrecisionBits)));
            }

            (bounds[2 * x], bounds[(2 * x) + 1]) = (min, count);
        }

        return (bounds, weights, size);
    }

    private static byte Clip(int sum)
    {
        var value = sum >> PrecisionBits;
        return (byte)Math.Clamp(value, 0, 255);
    }
}
