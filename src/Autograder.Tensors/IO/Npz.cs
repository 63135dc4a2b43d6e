using System.IO.Compression;

namespace Autograder.Tensors.IO;

/// <summary>Reads and writes NumPy <c>.npz</c> archives: a zip of <c>name.npy</c> members (stored or deflated).</summary>
public static class Npz
{
    /// <summary>Reads every array of an archive, in archive order, keyed by name without the .npy suffix.</summary>
    public static IReadOnlyDictionary<string, Tensor> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Npz: this is not a valid .npz (zip) archive: {e.Message}", e);
        }

        using (archive)
        {
            var arrays = new Dictionary<string, Tensor>();
            foreach (var entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                {
                    continue;
                }

                using var member = entry.Open();
                try
                {
                    arrays[entry.FullName[..^4]] = Npy.Read(member);
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"Npz: member '{entry.FullName}': {e.Message}", e);
                }
            }

            return arrays;
        }
    }

    /// <summary>Reads an archive from a file.</summary>
    public static IReadOnlyDictionary<string, Tensor> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Writes arrays as an archive (deflated when <paramref name="compress"/>, like numpy.savez_compressed).</summary>
    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> arrays, bool compress = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(arrays);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, tensor) in arrays)
        {
            // A fixed timestamp keeps the bytes identical from run to run.
            var entry = archive.CreateEntry(name + ".npy", compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var member = entry.Open();
            Npy.Write(member, tensor);
        }
    }

    /// <summary>Writes an archive to a file.</summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> arrays, bool compress = false)
    {
        using var stream = File.Create(path);
        Write(stream, arrays, compress);
    }
}
