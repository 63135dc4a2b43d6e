using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Autograder.Data.Catalog;

/// <summary>Downloads a catalogued set into a cache folder: verifies SHA-256, resumes partial downloads, refuses corrupt files.</summary>
/// <remarks>
/// A mirror (<c>AUTOGRADER_DATA_MIRROR</c>: a folder, or a base URL) stands in for the files' own addresses: the file
/// <c>name</c> of set <c>set</c> is looked up at <c>mirror/set/name</c>. Partial downloads live beside the target as
/// <c>.part</c> files and continue with an HTTP range request. A file whose hash does not match is deleted, never kept.
/// </remarks>
public sealed class DatasetDownloader(HttpClient http, string cacheRoot, string? mirror = null)
{
    /// <summary>Gets the environment variable that names a mirror.</summary>
    public const string MirrorVariable = "AUTOGRADER_DATA_MIRROR";

    /// <summary>Creates a downloader with the default cache and the mirror from the environment, if any.</summary>
    public static DatasetDownloader CreateDefault(HttpClient http) =>
        new(http, DataLocator.DefaultCache, Environment.GetEnvironmentVariable(MirrorVariable) is { Length: > 0 } m ? m : null);

    /// <summary>Ensures every file of the set is in the cache with the right hash; returns the set's folder.</summary>
    /// <param name="set">The catalogue entry.</param>
    /// <param name="progress">Receives (file name, bytes so far, total bytes) while downloading.</param>
    /// <param name="cancellationToken">Cancels the download (the partial file is kept for resuming).</param>
    public async Task<string> FetchAsync(DatasetEntry set, IProgress<(string File, long Bytes, long Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var folder = Path.Combine(cacheRoot, set.Name);
        foreach (var file in set.Files)
        {
            var target = Path.Combine(folder, file.Name);
            if (File.Exists(target) && await MatchesAsync(target, file, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var part = target + ".part";
            var source = Source(set, file);
            if (Directory.Exists(source) || File.Exists(source))
            {
                File.Copy(source, part, overwrite: true);
            }
            else
            {
                await DownloadAsync(new Uri(source), part, file, progress, cancellationToken).ConfigureAwait(false);
            }

            if (!await MatchesAsync(part, file, cancellationToken).ConfigureAwait(false))
            {
                var actual = await HashAsync(part, cancellationToken).ConfigureAwait(false);
                File.Delete(part);
                throw new DataFormatException($"Data set '{set.Name}': '{file.Name}' from {source} has SHA-256 {actual}, expected {file.Sha256}. The download is corrupt or the source changed; it was deleted. Try again, or use a mirror ({MirrorVariable}).");
            }

            File.Move(part, target, overwrite: true);
        }

        return folder;
    }

    /// <summary>Checks the hash of every file of a set in a folder; returns the problems (empty when all are fine).</summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync(DatasetEntry set, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var problems = new List<string>();
        foreach (var file in set.Files)
        {
            var path = Path.Combine(folder, file.Name);
            if (!File.Exists(path))
            {
                problems.Add($"{file.Name}: missing");
            }
            else if (!await MatchesAsync(path, file, cancellationToken).ConfigureAwait(false))
            {
                problems.Add($"{file.Name}: SHA-256 {await HashAsync(path, cancellationToken).ConfigureAwait(false)} does not match {file.Sha256}");
            }
        }

        return problems;
    }

    private string Source(DatasetEntry set, DatasetFile file)
    {
        if (mirror is not null)
        {
            return mirror.Contains("://", StringComparison.Ordinal)
                ? $"{mirror.TrimEnd('/')}/{set.Name}/{file.Name}"
                : Path.Combine(mirror, set.Name, file.Name);
        }

        return file.Url ?? throw new InvalidOperationException($"Data set '{set.Name}': '{file.Name}' has no download address in the catalogue; set {MirrorVariable} to a folder or URL that holds it.");
    }

    private async Task DownloadAsync(Uri url, string part, DatasetFile file, IProgress<(string, long, long)>? progress, CancellationToken cancellationToken)
    {
        var existing = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0)
        {
            request.Headers.Range = new RangeHeaderValue(existing, null);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new HttpRequestException($"'{file.Name}' was not found at {url} (HTTP 404).", null, response.StatusCode);
        }

        response.EnsureSuccessStatusCode();
        var resumed = existing > 0 && response.StatusCode == HttpStatusCode.PartialContent;
        using var output = new FileStream(part, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write);
        using var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[1 << 16];
        long total = resumed ? existing : 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            total += read;
            progress?.Report((file.Name, total, file.Bytes));
        }
    }

    private static async Task<bool> MatchesAsync(string path, DatasetFile file, CancellationToken cancellationToken)
    {
        var hash = await HashAsync(path, cancellationToken).ConfigureAwait(false);
        return hash == file.Sha256 || (file.AlternativeSha256 is { } alternative && hash == alternative);
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }
}
