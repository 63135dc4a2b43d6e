using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autograder.Tensors.IO;

/// <summary>Reads and writes the safetensors format (F32, F64, I64 and BOOL tensors) used to exchange weights with PyTorch.</summary>
/// <remarks>
/// Layout: an 8-byte little-endian header size N; N bytes of JSON mapping each name to
/// <c>{"dtype", "shape", "data_offsets": [begin, end]}</c> (plus optional <c>"__metadata__"</c> strings);
/// then the data buffer, to which the offsets are relative. Offsets must tile the buffer without gaps or overlaps.
/// </remarks>
public static class SafeTensors
{
    private const string Format = "SafeTensors";
    private const long MaxHeaderSize = 100_000_000;

    /// <summary>Reads every tensor, keyed by name, in header order; <paramref name="metadata"/> receives the <c>__metadata__</c> strings.</summary>
    public static IReadOnlyDictionary<string, Tensor> Read(Stream stream, out IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> sizeBytes = stackalloc byte[8];
        stream.ReadExactlyOrThrow(sizeBytes, Format, "the header size");
        var headerSize = BinaryPrimitives.ReadUInt64LittleEndian(sizeBytes);
        if (headerSize is < 2 or > MaxHeaderSize)
        {
            ThrowHelper.Format(Format, $"the header size {headerSize} is implausible; this is not a safetensors file or it is corrupt.");
        }

        var headerBytes = new byte[headerSize];
        stream.ReadExactlyOrThrow(headerBytes, Format, "the JSON header");
        var entries = ParseHeader(headerBytes, out metadata);

        // Read in offset order so that any stream works; the offsets must tile the buffer.
        var tensors = new Dictionary<string, Tensor>();
        long position = 0;
        foreach (var entry in entries.OrderBy(e => e.Begin))
        {
            if (entry.Begin != position)
            {
                ThrowHelper.Format(Format, $"tensor '{entry.Name}' starts at byte {entry.Begin} of the data buffer, but the previous tensor ends at {position}: offsets must not overlap or leave gaps.");
            }

            tensors[entry.Name] = stream.ReadTensor(entry.DType, entry.Shape, Format, $"tensor '{entry.Name}'");
            position = entry.End;
        }

        return entries.ToDictionary(e => e.Name, e => tensors[e.Name]);
    }

    /// <summary>Reads every tensor of a stream, ignoring metadata.</summary>
    public static IReadOnlyDictionary<string, Tensor> Read(Stream stream) => Read(stream, out _);

    /// <summary>Reads every tensor of a file.</summary>
    public static IReadOnlyDictionary<string, Tensor> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, out _);
    }

    /// <summary>Writes tensors (in the given order) and optional metadata strings.</summary>
    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            header["__metadata__"] = new JsonObject(metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value))));
        }

        long offset = 0;
        foreach (var (name, tensor) in list)
        {
            var size = (long)tensor.NumEl * tensor.DType.ElementSize();
            header[name] = new JsonObject
            {
                ["dtype"] = Code(tensor.DType),
                ["shape"] = new JsonArray([.. tensor.Shape.ToArray().Select(d => (JsonNode?)JsonValue.Create(d))]),
                ["data_offsets"] = new JsonArray(JsonValue.Create(offset), JsonValue.Create(offset + size)),
            };
            offset += size;
        }

        var json = Encoding.UTF8.GetBytes(header.ToJsonString());

        // Pad the header with spaces to a multiple of 8 bytes so the data buffer is aligned.
        var padded = (json.Length + 7) / 8 * 8;
        Span<byte> sizeBytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(sizeBytes, (ulong)padded);
        stream.Write(sizeBytes);
        stream.Write(json);
        stream.Write(Enumerable.Repeat((byte)' ', padded - json.Length).ToArray());
        foreach (var (_, tensor) in list)
        {
            stream.Write(StreamExtensions.RawBytes(tensor.Contiguous()));
        }
    }

    /// <summary>Writes tensors to a file.</summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var stream = File.Create(path);
        Write(stream, tensors, metadata);
    }

    private static string Code(DType dtype) => dtype switch
    {
        DType.Float32 => "F32",
        DType.Float64 => "F64",
        DType.Int64 => "I64",
        _ => "BOOL",
    };

    private static List<Entry> ParseHeader(byte[] headerBytes, out IReadOnlyDictionary<string, string> metadata)
    {
        JsonObject header;
        try
        {
            header = JsonNode.Parse(headerBytes)?.AsObject() ?? throw new JsonException("the header is null");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{Format}: the header is not a JSON object: {e.Message}", e);
        }

        var meta = new Dictionary<string, string>();
        var entries = new List<Entry>();
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (key, value) in node?.AsObject() ?? [])
                {
                    meta[key] = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "";
                }

                continue;
            }

            entries.Add(ParseEntry(name, node));
        }

        metadata = meta;
        return entries;
    }

    private static Entry ParseEntry(string name, JsonNode? node)
    {
        try
        {
            var info = node!.AsObject();
            var code = info["dtype"]!.GetValue<string>();
            var dtype = code switch
            {
                "F32" => DType.Float32,
                "F64" => DType.Float64,
                "I64" => DType.Int64,
                "BOOL" => DType.Bool,
                _ => ThrowHelper.DTypeError<DType>(Format, $"tensor '{name}' has dtype {code}, which is not supported; use F32, F64, I64 or BOOL."),
            };
            var shape = info["shape"]!.AsArray().Select(d => d!.GetValue<int>()).ToArray();
            var offsets = info["data_offsets"]!.AsArray().Select(o => o!.GetValue<long>()).ToArray();
            var expected = shape.Aggregate(1L, (a, b) => a * b) * dtype.ElementSize();
            if (shape.Any(d => d < 0) || offsets.Length != 2 || offsets[0] < 0 || offsets[1] - offsets[0] != expected)
            {
                ThrowHelper.Format(Format, $"tensor '{name}': data_offsets [{string.Join(", ", offsets)}] do not hold a {code} tensor of shape {ThrowHelper.Dims(shape)} ({expected} bytes).");
            }

            return new Entry(name, dtype, shape, offsets[0], offsets[1]);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{Format}: the header entry for '{name}' needs \"dtype\" (string), \"shape\" (integers) and \"data_offsets\" (two integers): {e.Message}", e);
        }
    }

    private sealed record Entry(string Name, DType DType, int[] Shape, long Begin, long End);
}
