using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Autograder.Data.Images;

/// <summary>Reads JPEG, PNG (every colour type and bit depth, interlaced), WebP, BMP and GIF (the first frame) and writes PNG and JPEG, through SkiaSharp.</summary>
/// <remarks>
/// Images come from students and course folders, so a file is checked before it is decoded: at most
/// <see cref="MaxFileBytes"/> bytes are read, and a header that declares more than <see cref="MaxPixels"/> pixels (a
/// "decompression bomb": 100,000 × 100,000 in a few hundred bytes) is refused before any pixel memory is allocated.
/// Gray images decode to one channel, opaque colour images to RGB, others to RGBA (not premultiplied). Encoding is
/// deterministic: the same pixels give the same bytes.
/// </remarks>
public static class ImageCodec
{
    /// <summary>The largest image decoded, in pixels (64 Mi: 8,192 × 8,192); a photograph from a phone has about 12 Mi.</summary>
    public const long MaxPixels = 64L << 20;

    /// <summary>The largest file read, in bytes (256 MiB).</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>The file extensions <see cref="Read(string)"/> accepts, lower-case.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.Ordinal) { ".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif" };

    /// <summary>Decodes an image file.</summary>
    /// <exception cref="DataFormatException">The file is too large, not an image, truncated or corrupt; the message names it and says which.</exception>
    public static Image Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new DataFormatException($"{path}: {length:N0} bytes is larger than the {MaxFileBytes >> 20} MiB an image may be; resize it first.");
        }

        return Decode(File.ReadAllBytes(path), path);
    }

    /// <summary>Decodes an image from a stream; <paramref name="source"/> names it in error messages.</summary>
    public static Image Read(Stream stream, string source = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw new DataFormatException($"{source}: more than the {MaxFileBytes >> 20} MiB an image may be; resize it first.");
            }

            buffer.Write(chunk, 0, read);
        }

        return Decode(buffer.ToArray(), source);
    }

    /// <summary>Decodes an encoded image held in memory; <paramref name="source"/> names it in error messages.</summary>
    public static Image Decode(byte[] encoded, string source = "image")
    {
        ArgumentNullException.ThrowIfNull(encoded);
        using var data = SKData.CreateCopy(encoded);
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream, out var opened);
        if (codec is null)
        {
            throw new DataFormatException(opened == SKCodecResult.IncompleteInput
                ? $"{source}: the file is truncated (it ends before its header does)."
                : $"{source}: not an image this reader knows ({opened}); expected JPEG, PNG, WebP, BMP or GIF.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
        {
            throw new DataFormatException($"{source}: its header declares {width:N0} × {height:N0} pixels, more than the {MaxPixels:N0} an image may have (a decompression bomb, or a corrupt header); nothing was decoded.");
        }

        var gray = codec.Info.ColorType == SKColorType.Gray8;
        var info = new SKImageInfo(width, height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888, gray ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var pixels = new byte[info.BytesSize64];
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        SKCodecResult result;
        try
        {
            result = codec.GetPixels(info, handle.AddrOfPinnedObject());
        }
        finally
        {
            handle.Free();
        }

        if (result != SKCodecResult.Success)
        {
            throw new DataFormatException(result == SKCodecResult.IncompleteInput
                ? $"{source}: the file is truncated (its pixel data ends early)."
                : $"{source}: the pixel data could not be decoded ({result}); the file is corrupt.");
        }

        if (gray)
        {
            return new Image(width, height, 1, pixels);
        }

        return codec.Info.AlphaType == SKAlphaType.Opaque ? new Image(width, height, 3, DropAlpha(pixels)) : new Image(width, height, 4, pixels);
    }

    /// <summary>Encodes a PNG (gray, gray+alpha as RGBA, RGB or RGBA).</summary>
    public static byte[] EncodePng(Image image) => Encode(image, SKEncodedImageFormat.Png, 100);

    /// <summary>Encodes a JPEG at <paramref name="quality"/> (1–100); an alpha channel is dropped.</summary>
    public static byte[] EncodeJpeg(Image image, int quality = 90)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return Encode(image, SKEncodedImageFormat.Jpeg, quality);
    }

    private static byte[] Encode(Image image, SKEncodedImageFormat format, int quality)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels is < 1 or > 4 || image.Pixels.Length != (long)image.Width * image.Height * image.Channels)
        {
            throw new ArgumentException($"ImageCodec: a {image.Width} × {image.Height} image with {image.Channels} channels needs {(long)image.Width * image.Height * image.Channels} bytes; it has {image.Pixels.Length}.", nameof(image));
        }

        var gray = image.Channels == 1;
        var info = new SKImageInfo(image.Width, image.Height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888,
            image.Channels is 1 or 3 ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var pixels = gray ? image.Pixels : ToRgba(image);
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using var encoded = pixmap.Encode(format, quality)
                ?? throw new InvalidOperationException($"ImageCodec: SkiaSharp could not encode a {image.Width} × {image.Height} image as {format}.");
            return encoded.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>RGBA to RGB, one 4-byte copy per pixel whose last byte the next pixel overwrites (a per-byte loop was half the decode time).</summary>
    private static byte[] DropAlpha(byte[] rgba)
    {
        var count = rgba.Length / 4;
        var rgb = new byte[count * 3];
        if (count == 0)
        {
            return rgb;
        }

        ref var source = ref MemoryMarshal.GetArrayDataReference(rgba);
        ref var target = ref MemoryMarshal.GetArrayDataReference(rgb);
        for (var i = 0; i < count - 1; i++)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i * 3), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, i * 4)));
        }

        rgba.AsSpan((count - 1) * 4, 3).CopyTo(rgb.AsSpan((count - 1) * 3));
        return rgb;
    }

    private static byte[] ToRgba(Image image)
    {
        var plane = image.Width * image.Height;
        var rgba = new byte[plane * 4];
        var (p, c) = (image.Pixels, image.Channels);
        for (var i = 0; i < plane; i++)
        {
            // Gray + alpha becomes gray in each colour channel; RGB gets an opaque alpha.
            var at = i * c;
            (rgba[4 * i], rgba[(4 * i) + 1], rgba[(4 * i) + 2], rgba[(4 * i) + 3]) = c switch
            {
                2 => (p[at], p[at], p[at], p[at + 1]),
                3 => (p[at], p[at + 1], p[at + 2], (byte)255),
                _ => (p[at], p[at + 1], p[at + 2], p[at + 3]),
            };
        }

        return rgba;
    }
}
