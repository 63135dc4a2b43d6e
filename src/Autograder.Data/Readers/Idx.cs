using System.Buffers.Binary;
using System.IO.Compression;

namespace Autograder.Data.Readers;

/// <summary>Reads IDX files (the MNIST format), plain or gzip-compressed, holding unsigned bytes.</summary>
/// <remarks>Layout: two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions, each dimension as a big-endian int32, then the data.</remarks>
public static class Idx
{
    /// <summary>Reads the shape and the bytes of an IDX file (".gz" files are decompressed); at most <paramref name="limit"/> items along the first dimension.</summary>
    public static (int[] Shape, byte[] Data) Read(string path, int? limit = null)
    {
        using var file = Open(path);
        var header = new byte[4];
        if (file.ReadAtLeast(header, 4, throwOnEndOfStream: false) < 4 || header[0] != 0 || header[1] != 0)
        {
            throw new DataFormatException($"IDX {path}: not an IDX file (it must start with two zero bytes).");
        }

        if (header[2] != 0x08)
        {
            throw new DataFormatException($"IDX {path}: element type 0x{header[2]:x2} is not supported; only unsigned bytes (0x08) are.");
        }

        var shape = new int[header[3]];
        var dims = new byte[4 * shape.Length];
        if (file.ReadAtLeast(dims, dims.Length, throwOnEndOfStream: false) < dims.Length)
        {
            throw new DataFormatException($"IDX {path}: the header is truncated.");
        }

        for (var d = 0; d < shape.Length; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(dims.AsSpan(4 * d));
        }

        if (shape.Length > 0 && limit is { } max)
        {
            shape[0] = Math.Min(shape[0], max);
        }

        var count = shape.Aggregate(1L, (a, b) => a * b);
        var data = new byte[count];
        if (file.ReadAtLeast(data, data.Length, throwOnEndOfStream: false) < data.Length)
        {
            throw new DataFormatException($"IDX {path}: the data is truncated; the header promises shape ({string.Join(", ", shape)}).");
        }

        return (shape, data);
    }

    /// <summary>Writes bytes as a gzip-compressed IDX file (deterministic: no timestamp).</summary>
    public static void WriteGzip(string path, int[] shape, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        gzip.Write([0, 0, 0x08, (byte)shape.Length]);
        Span<byte> dim = stackalloc byte[4];
        foreach (var d in shape)
        {
            BinaryPrimitives.WriteInt32BigEndian(dim, d);
            gzip.Write(dim);
        }

        gzip.Write(data);
    }

    private static Stream Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX: '{path}' does not exist.", path);
        }

        Stream stream = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
