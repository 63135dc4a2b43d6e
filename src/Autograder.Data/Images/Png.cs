using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Autograder.Data.Images;

/// <summary>Reads and writes PNG files with 8-bit gray, gray+alpha, RGB or RGBA pixels (non-interlaced), on System.IO.Compression alone.</summary>
/// <remarks>
/// Decoding checks the signature and every chunk's CRC, concatenates the IDAT chunks, inflates them (zlib) and
/// reverses the five scanline filters; palettes, 16-bit and interlaced images are rejected with a message saying so.
/// Encoding picks a filter per line by the minimum-sum heuristic and writes IHDR, one IDAT and IEND: the same pixels
/// always give the same bytes.
/// </remarks>
public static class Png
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Decodes a PNG file.</summary>
    public static Image Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Decodes a PNG stream; <paramref name="source"/> names it in error messages.</summary>
    public static Image Read(Stream stream, string source = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        var signature = new byte[8];
        if (stream.ReadAtLeast(signature, 8, throwOnEndOfStream: false) < 8 || !signature.AsSpan().SequenceEqual(Signature))
        {
            throw new DataFormatException($"PNG {source}: not a PNG file (the 8-byte signature is missing).");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var sawHeader = false;
        while (true)
        {
            var (type, data) = ReadChunk(stream, source);
            switch (type)
            {
                case "IHDR":
                    (width, height, channels) = ParseHeader(data, source);
                    sawHeader = true;
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    if (!sawHeader)
                    {
                        throw new DataFormatException($"PNG {source}: no IHDR chunk before IEND.");
                    }

                    return new Image(width, height, channels, Inflate(idat.ToArray(), width, height, channels, source));
                case "PLTE":
                    throw new DataFormatException($"PNG {source}: palette images are not supported; save as 8-bit gray, RGB or RGBA.");
                default:
                    if (char.IsUpper(type[0]))
                    {
                        throw new DataFormatException($"PNG {source}: unknown critical chunk '{type}'.");
                    }

                    break;
            }
        }
    }

    /// <summary>Encodes an image as PNG.</summary>
    public static void Write(Stream stream, Image image)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(image);
        var colorType = image.Channels switch
        {
            1 => 0,
            2 => 4,
            3 => 2,
            4 => 6,
            _ => throw new ArgumentException($"PNG: images need 1–4 channels; got {image.Channels}.", nameof(image)),
        };
        if (image.Pixels.Length != image.Width * image.Height * image.Channels)
        {
            throw new ArgumentException($"PNG: {image.Width}×{image.Height}×{image.Channels} pixels need {image.Width * image.Height * image.Channels} bytes; got {image.Pixels.Length}.", nameof(image));
        }

        stream.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8;
        header[9] = (byte)colorType;
        WriteChunk(stream, "IHDR", header);
        WriteChunk(stream, "IDAT", Deflate(image));
        WriteChunk(stream, "IEND", []);
    }

    /// <summary>Encodes an image to a file.</summary>
    public static void Write(string path, Image image)
    {
        using var stream = File.Create(path);
        Write(stream, image);
    }

    /// <summary>Encodes an image to bytes.</summary>
    public static byte[] Encode(Image image)
    {
        using var stream = new MemoryStream();
        Write(stream, image);
        return stream.ToArray();
    }

    private static (string Type, byte[] Data) ReadChunk(Stream stream, string source)
    {
        var head = new byte[8];
        if (stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) < 8)
        {
            throw new DataFormatException($"PNG {source}: the file ends before the IEND chunk (truncated).");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(head);
        var type = Encoding.ASCII.GetString(head, 4, 4);
        if (length < 0 || length > 1 << 28)
        {
            throw new DataFormatException($"PNG {source}: chunk '{type}' claims {length} bytes; the file is corrupt.");
        }

        var data = new byte[length];
        var crc = new byte[4];
        if (stream.ReadAtLeast(data, length, throwOnEndOfStream: false) < length || stream.ReadAtLeast(crc, 4, throwOnEndOfStream: false) < 4)
        {
            throw new DataFormatException($"PNG {source}: chunk '{type}' is cut short (truncated file).");
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(crc) != Crc32.Compute(head.AsSpan(4, 4), data))
        {
            throw new DataFormatException($"PNG {source}: chunk '{type}' fails its CRC check; the file is corrupt.");
        }

        return (type, data);
    }

    private static (int Width, int Height, int Channels) ParseHeader(byte[] data, string source)
    {
        if (data.Length != 13)
        {
            throw new DataFormatException($"PNG {source}: IHDR must be 13 bytes; got {data.Length}.");
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(data);
        var height = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4));
        byte depth = data[8], colorType = data[9], interlace = data[12];
        if (depth != 8)
        {
            throw new DataFormatException($"PNG {source}: bit depth {depth} is not supported; only 8-bit images are.");
        }

        if (interlace != 0)
        {
            throw new DataFormatException($"PNG {source}: interlaced (Adam7) images are not supported; save without interlacing.");
        }

        var channels = colorType switch
        {
            0 => 1,
            4 => 2,
            2 => 3,
            6 => 4,
            3 => throw new DataFormatException($"PNG {source}: palette images are not supported; save as 8-bit gray, RGB or RGBA."),
            _ => throw new DataFormatException($"PNG {source}: color type {colorType} is invalid."),
        };
        if (width <= 0 || height <= 0 || (long)width * height * channels > int.MaxValue / 2)
        {
            throw new DataFormatException($"PNG {source}: size {width}×{height} is invalid or too large.");
        }

        return (width, height, channels);
    }

    private static byte[] Inflate(byte[] compressed, int width, int height, int channels, string source)
    {
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            if (zlib.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false) < raw.Length)
            {
                throw new DataFormatException($"PNG {source}: the image data holds fewer than the {height} scanlines of {stride} bytes its header promises.");
            }
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException($"PNG {source}: the compressed image data is corrupt ({e.Message}).", e);
        }

        var pixels = new byte[stride * height];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var line = pixels.AsSpan(y * stride, stride);
            raw.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(line);
            PngFilters.Unfilter(raw[y * (stride + 1)], line, previous, channels, source);
            line.CopyTo(previous);
        }

        return pixels;
    }

    private static byte[] Deflate(Image image)
    {
        var stride = image.Width * image.Channels;
        var filtered = new byte[(stride + 1) * image.Height];
        var previous = new byte[stride];
        var scratch = new byte[stride];
        for (var y = 0; y < image.Height; y++)
        {
            var line = image.Pixels.AsSpan(y * stride, stride);
            filtered[y * (stride + 1)] = PngFilters.FilterBest(line, previous, image.Channels, filtered.AsSpan((y * (stride + 1)) + 1, stride), scratch);
            line.CopyTo(previous);
        }

        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(filtered);
        }

        return output.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        stream.Write(buffer);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32.Compute(typeBytes, data));
        stream.Write(buffer);
    }
}
