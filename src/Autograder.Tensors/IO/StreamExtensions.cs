using System.Runtime.InteropServices;

namespace Autograder.Tensors.IO;

/// <summary>Reading exact byte counts and raw element buffers from streams.</summary>
internal static class StreamExtensions
{
    /// <summary>Fills <paramref name="buffer"/> from the stream or throws naming what was being read.</summary>
    public static void ReadExactlyOrThrow(this Stream stream, Span<byte> buffer, string format, string what)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                ThrowHelper.Format(format, $"the file ends early: {what} needs {buffer.Length} bytes, only {total} remain. The file is truncated or not a {format} file.");
            }

            total += read;
        }
    }

    /// <summary>Reads little-endian elements straight into a new tensor of the given shape.</summary>
    public static Tensor ReadTensor(this Stream stream, DType dtype, int[] shape, string format, string what)
    {
        var tensor = Tensor.Empty(shape, dtype);
        stream.ReadExactlyOrThrow(RawBytes(tensor), format, what);
        if (dtype == DType.Bool)
        {
            foreach (var b in RawBytes(tensor))
            {
                if (b > 1)
                {
                    ThrowHelper.Format(format, $"{what}: a bool element holds the byte {b}; only 0 and 1 are valid.");
                }
            }
        }

        return tensor;
    }

    /// <summary>The bytes of a contiguous tensor's elements (little-endian on every supported platform).</summary>
    public static Span<byte> RawBytes(Tensor t) => t.DType switch
    {
        DType.Float32 => MemoryMarshal.AsBytes(t.ContiguousSpan<float>()),
        DType.Float64 => MemoryMarshal.AsBytes(t.ContiguousSpan<double>()),
        DType.Int64 => MemoryMarshal.AsBytes(t.ContiguousSpan<long>()),
        _ => MemoryMarshal.AsBytes(t.ContiguousSpan<bool>()),
    };
}
