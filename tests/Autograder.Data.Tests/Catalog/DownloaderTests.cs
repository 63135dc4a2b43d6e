using System.Security.Cryptography;
using Autograder.Data.Catalog;

namespace Autograder.Data.Tests.Catalog;

[NonParallelizable]
public sealed class DownloaderTests
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31 % 251))];
    private string _cache = "";

    [SetUp]
    public void CreateCache() => _cache = Directory.CreateTempSubdirectory("autograder-cache-").FullName;

    [TearDown]
    public void DeleteCache() => Directory.Delete(_cache, recursive: true);

    private static DatasetEntry Set(string url, string? sha = null) =>
        new("toy", "a toy set", "none", "tests", [new DatasetFile("blob.bin", Content.Length, sha ?? Convert.ToHexStringLower(SHA256.HashData(Content)), url)], []);

    [Test]
    public async Task Downloads_and_verifies_a_good_file_then_uses_the_cache()
    {
        using var server = new LocalHttpServer();
        server.Add("blob.bin", Content);
        using var http = new HttpClient();
        var downloader = new DatasetDownloader(http, _cache);
        var folder = await downloader.FetchAsync(Set(server.BaseUrl + "blob.bin"));
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(folder, "blob.bin")), Is.EqualTo(Content));
        server.Add("blob.bin", [1, 2, 3]);
        await downloader.FetchAsync(Set(server.BaseUrl + "blob.bin"));
        Assert.That(new FileInfo(Path.Combine(folder, "blob.bin")).Length, Is.EqualTo(Content.Length), "a verified cached file is not downloaded again");
    }

    [Test]
    public async Task A_wrong_hash_is_refused_and_nothing_is_kept()
    {
        using var server = new LocalHttpServer();
        server.Add("blob.bin", Content);
        using var http = new HttpClient();
        var error = await Assert.ThrowsAsync<DataFormatException>(() => new DatasetDownloader(http, _cache).FetchAsync(Set(server.BaseUrl + "blob.bin", new string('0', 64))));
        Assert.That(error!.Message, Does.Contain("blob.bin").And.Contain("expected 0000"));
        Assert.That(Directory.GetFiles(Path.Combine(_cache, "toy")), Is.Empty);
    }

    [Test]
    public async Task A_truncated_download_resumes_with_a_range_request()
    {
        using var server = new LocalHttpServer { TruncateOnce = ("blob.bin", 100_000) };
        server.Add("blob.bin", Content);
        using var http = new HttpClient();
        var downloader = new DatasetDownloader(http, _cache);
        await Assert.CatchAsync(() => downloader.FetchAsync(Set(server.BaseUrl + "blob.bin")));
        Assert.That(File.Exists(Path.Combine(_cache, "toy", "blob.bin.part")), Is.True, "the partial file is kept for resuming");
        var folder = await downloader.FetchAsync(Set(server.BaseUrl + "blob.bin"));
        Assert.That(server.RangeRequests, Has.Count.EqualTo(1));
        Assert.That(server.RangeRequests[0], Does.StartWith("bytes="));
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(folder, "blob.bin")), Is.EqualTo(Content));
    }

    [Test]
    public async Task A_missing_file_reports_404_with_the_address()
    {
        using var server = new LocalHttpServer();
        using var http = new HttpClient();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => new DatasetDownloader(http, _cache).FetchAsync(Set(server.BaseUrl + "nothing.bin")));
        Assert.That(error!.Message, Does.Contain("404").And.Contain("nothing.bin"));
    }

    [Test]
    public async Task A_mirror_folder_stands_in_for_the_internet()
    {
        var mirror = Directory.CreateTempSubdirectory("autograder-mirror-").FullName;
        Directory.CreateDirectory(Path.Combine(mirror, "toy"));
        await File.WriteAllBytesAsync(Path.Combine(mirror, "toy", "blob.bin"), Content);
        using var http = new HttpClient();
        var folder = await new DatasetDownloader(http, _cache, mirror).FetchAsync(Set("http://127.0.0.1:1/unreachable"));
        Directory.Delete(mirror, recursive: true);
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(folder, "blob.bin")), Is.EqualTo(Content));
    }

    [Test]
    public async Task The_repository_catalogue_lists_every_set_and_the_bundled_files_verify()
    {
        var catalog = DatasetCatalog.Load(Path.Combine(SharedData.RepositoryRoot, "data", "datasets.json"));
        Assert.That(catalog.Sets.Select(s => s.Name), Is.SupersetOf(new[] { "mnist-small", "mnist", "fashion-mnist", "sst2", "multi30k", "flickr8k-subset1000", "hymenoptera", "pretrained-squeezenet", "style-transfer" }));
        foreach (var bundled in new[] { "mnist-small", "fashion-mnist-small", "flickr8k-small", "hymenoptera-small", "style-transfer-small", "sst2" })
        {
            Assert.That(await DatasetDownloader.VerifyAsync(catalog[bundled], SharedData.Bundled(bundled)), Is.Empty, bundled);
        }

        Assert.That(catalog["mnist"].Files.Where(f => f.Name.EndsWith(".gz", StringComparison.Ordinal)).All(f => f.Url is not null), Is.True);
        var error = Assert.Throws<KeyNotFoundException>(() => _ = catalog["imagenet"]);
        Assert.That(error!.Message, Does.Contain("known sets: mnist-small"));
    }

    [Test]
    public async Task The_course_copies_in_shared_data_match_the_catalogue()
    {
        var catalog = DatasetCatalog.Load(Path.Combine(SharedData.RepositoryRoot, "data", "datasets.json"));
        foreach (var name in new[] { "mnist", "sst2", "pretrained-squeezenet" })
        {
            Assert.That(await DatasetDownloader.VerifyAsync(catalog[name], SharedData.Require(name)), Is.Empty, name);
        }
    }

    [Test]
    public void The_locator_names_every_place_it_looked()
    {
        var locator = new DataLocator(["/nowhere/a", "/nowhere/b"]);
        var error = Assert.Throws<DirectoryNotFoundException>(() => locator.Find("mnist", "train-images-idx3-ubyte.gz"));
        Assert.That(error!.Message, Does.Contain("/nowhere/a/mnist").And.Contain("/nowhere/b/mnist").And.Contain("autograder data fetch mnist"));
    }
}
