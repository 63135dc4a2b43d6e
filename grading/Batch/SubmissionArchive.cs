using System.IO.Compression;

namespace Autograder.Host.Batch;

/// <summary>Extracts a submitted zip into a folder the host owns, refusing what could reach outside it or fill the disk.</summary>
/// <remarks>
/// Refused, with a message that says what to fix: an entry whose path leaves the folder (<c>../</c>, an absolute path), a
/// symbolic link, more than <see cref="MaxEntries"/> entries, or more than <see cref="MaxBytes"/> once extracted (counted as
/// the bytes come out, not as the archive declares them, so a zip bomb stops at the cap).
/// </remarks>
internal static class SubmissionArchive
{
    /// <summary>The most entries a submitted zip may hold.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>The most bytes a submitted zip may extract to.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>Extracts <paramref name="zip"/> into <paramref name="target"/> (replaced if it exists).</summary>
    /// <param name="zip">The archive.</param>
    /// <param name="target">The folder to fill.</param>
    /// <param name="keepAllFiles">Every file (an export of many submissions); otherwise only C# sources and project files, all a build needs.</param>
    /// <exception cref="InvalidDataException">The archive is damaged or breaks a rule above.</exception>
    public static void Extract(string zip, string target, bool keepAllFiles)
    {
        var name = Path.GetFileName(zip);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        var root = Path.GetFullPath(target) + Path.DirectorySeparatorChar;
        try
        {
            using var archive = ZipFile.OpenRead(zip);
            if (archive.Entries.Count > MaxEntries)
            {
                throw new InvalidDataException($"{name} holds {archive.Entries.Count} entries, more than the {MaxEntries} a submission may have; zip only your sources.");
            }

            long written = 0;
            foreach (var entry in archive.Entries)
            {
                var path = entry.FullName.Replace('\\', '/');
                if (path.EndsWith('/') || path.StartsWith("__MACOSX/", StringComparison.Ordinal))
                {
                    continue;
                }

                var destination = Path.GetFullPath(Path.Combine(target, path));
                if (Path.IsPathRooted(path) || path.Split('/').Contains("..") || !destination.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{name}: the entry '{path}' would be written outside the submission's folder; zip the folder itself, with relative paths.");
                }

                if (IsLink(entry))
                {
                    throw new InvalidDataException($"{name}: '{path}' is a symbolic link; a submission holds plain files only. Zip the files themselves.");
                }

                if (!keepAllFiles && !path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                using var from = entry.Open();
                using var to = File.Create(destination);
                written += Copy(from, to, MaxBytes - written, name);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Directory.Delete(target, recursive: true);
            throw e is InvalidDataException ? e : new InvalidDataException($"{name} could not be read as a zip archive ({e.Message}); zip the submission again.", e);
        }
    }

    /// <summary>Whether the entry is a symbolic link (Unix file type in the high bits of its external attributes).</summary>
    private static bool IsLink(ZipArchiveEntry entry) => ((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000;

    private static long Copy(Stream from, Stream to, long budget, string name)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            total += read;
            if (total > budget)
            {
                throw new InvalidDataException($"{name} extracts to more than {MaxBytes >> 20} MB; a submission holds sources only.");
            }

            to.Write(buffer, 0, read);
        }

        return total;
    }
}
