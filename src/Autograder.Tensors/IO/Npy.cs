using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Autograder.Tensors.IO;

/// <summary>Reads and writes NumPy <c>.npy</c> files (format versions 1.0–3.0; C order; float32, float64, int64, bool).</summary>
/// <remarks>
/// Layout: the magic <c>\x93NUMPY</c>, a version, a little-endian header length, a Python-literal header
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c> padded to 64 bytes, then the raw data.
/// </remarks>
public static partial class Npy
{
    private const string Format = "Npy";
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads one array from a stream positioned at its magic string.</summary>
    public static Tensor Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> preamble = stackalloc byte[8];
        stream.ReadExactlyOrThrow(preamble, Format, "the magic string and version");
        if (!preamble[..6].SequenceEqual(Magic))
        {
            ThrowHelper.Format(Format, "this is not a .npy file: it does not start with the magic string \\x93NUMPY.");
        }

        var major = preamble[6];
        int headerLength;
        if (major == 1)
        {
            Span<byte> length = stackalloc byte[2];
            stream.ReadExactlyOrThrow(length, Format, "the header length");
            headerLength = length[0] | (length[1] << 8);
        }
        else if (major is 2 or 3)
        {
            Span<byte> length = stackalloc byte[4];
            stream.ReadExactlyOrThrow(length, Format, "the header length");
            headerLength = BitConverter.ToInt32(length);
        }
        else
        {
            ThrowHelper.Format(Format, $"format version {major}.{preamble[7]} is not supported (1.0, 2.0 and 3.0 are).");
            return null!;
        }

        if (headerLength is < 0 or > 1 << 20)
        {
            ThrowHelper.Format(Format, $"the header length {headerLength} is implausible; the file is corrupt.");
        }

        var header = new byte[headerLength];
        stream.ReadExactlyOrThrow(header, Format, "the header");
        var (dtype, shape) = ParseHeader((major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(header));
        return stream.ReadTensor(dtype, shape, Format, $"the data of a {dtype.Name()} array of shape {ThrowHelper.Dims(shape)}");
    }

    /// <summary>Reads one array from a file.</summary>
    public static Tensor Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Writes a tensor as a version 1.0 .npy array (C order).</summary>
    public static void Write(Stream stream, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensor);
        var shape = tensor.Dim switch
        {
            0 => "()",
            1 => $"({tensor.Shape[0]},)",
            _ => $"({string.Join(", ", tensor.Shape.ToArray())})",
        };
        var dict = $"{{'descr': '{Descr(tensor.DType)}', 'fortran_order': False, 'shape': {shape}, }}";

        // Pad with spaces so that magic + version + length + header + '\n' is a multiple of 64 bytes.
        var total = Magic.Length + 2 + 2 + dict.Length + 1;
        var padded = dict + new string(' ', (64 - (total % 64)) % 64) + "\n";
        stream.Write(Magic);
        stream.Write([1, 0, (byte)(padded.Length & 0xFF), (byte)(padded.Length >> 8)]);
        stream.Write(Encoding.Latin1.GetBytes(padded));
        stream.Write(StreamExtensions.RawBytes(tensor.Contiguous()));
    }

    /// <summary>Writes a tensor to a file.</summary>
    public static void Write(string path, Tensor tensor)
    {
        using var stream = File.Create(path);
        Write(stream, tensor);
    }

    private static string Descr(DType dtype) => dtype switch
    {
        DType.Float32 => "<f4",
        DType.Float64 => "<f8",
        DType.Int64 => "<i8",
        _ => "|b1",
    };

    private static (DType DType, int[] Shape) ParseHeader(string header)
    {
        var descr = DescrPattern().Match(header);
        var order = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !order.Success || !shape.Success)
        {
            ThrowHelper.Format(Format, $"the header is not a valid .npy header dictionary: {header.Trim()}");
        }

        if (order.Groups[1].Value == "True")
        {
            ThrowHelper.Format(Format, "Fortran-order arrays are not supported; save a C-order array (numpy.ascontiguousarray) instead.");
        }

        var dtype = descr.Groups[1].Value switch
        {
            "<f4" => DType.Float32,
            "<f8" => DType.Float64,
            "<i8" => DType.Int64,
            "|b1" => DType.Bool,
            var other => ThrowHelper.DTypeError<DType>(Format, $"dtype '{other}' is not supported; use little-endian float32 (<f4), float64 (<f8), int64 (<i8) or bool (|b1)."),
        };
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v
                : ThrowHelper.Shape<int>(Format, $"the shape entry '{d}' is not a non-negative integer."))
            .ToArray();
        return (dtype, dims);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
