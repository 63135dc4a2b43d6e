using Autograder.Data.Images;

namespace Autograder.Benchmarks.Quick;

/// <summary>
/// Decoding speed of a real image folder: the Flickr8k subset's 1,000 PNG photographs (<c>../shared/data/flickr8k-subset1000</c>,
/// or the 600 bundled in <c>data/flickr8k-small</c>), each decoded to RGB pixels, one pass to warm up and then passes until
/// the time is up. Images per second and megapixels per second.
/// </summary>
internal static class ImageDecodeQuick
{
    public static string Run(QuickOptions options)
    {
        var root = Repository.Root("image-decode reads the Flickr8k images");
        var folder = new[] { Path.Combine(root, "..", "shared", "data", "flickr8k-subset1000", "images"), Path.Combine(root, "data", "flickr8k-small", "images") }
            .FirstOrDefault(Directory.Exists) ?? throw new ArgumentException("image-decode needs ../shared/data/flickr8k-subset1000 or data/flickr8k-small.");
        var files = Directory.GetFiles(folder, "*.png").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        long pixels = 0;
        foreach (var bytes in files)
        {
            pixels += Decode(bytes);
        }

        var (decoded, decodedPixels) = (0, 0L);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < options.Seconds || decoded < files.Count)
        {
            decodedPixels += Decode(files[decoded % files.Count]);
            decoded++;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return Json.Object(("case", "image-decode"), ("folder", Path.GetFileName(Path.GetDirectoryName(folder)!)), ("images", files.Count),
            ("images_per_s", Math.Round(decoded / seconds)), ("megapixels_per_s", Math.Round(decodedPixels / seconds / 1e6, 1)),
            ("ms_for_the_folder", Math.Round(files.Count * seconds / decoded * 1000)));
    }

    private static long Decode(byte[] bytes)
    {
        var image = ImageCodec.Decode(bytes);
        return (long)image.Width * image.Height;
    }
}
