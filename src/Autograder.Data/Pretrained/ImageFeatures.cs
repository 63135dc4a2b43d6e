using System.Security.Cryptography;
using Autograder.Data.Images;
using Autograder.Tensors;
using Autograder.Tensors.IO;

namespace Autograder.Data.Pretrained;

/// <summary>
/// SqueezeNet features of a folder of images, computed once and cached: the last Fire module's output, either spatially
/// averaged (a 512-vector per image) or kept as its 13 × 13 = 169 regions of 512 features (what an attention decoder
/// attends over). One pass computes and caches both. The cache files are keyed by the weights' and the images' SHA-256, so
/// new weights or changed images are never served stale features.
/// </summary>
public static class ImageFeatures
{
    /// <summary>Images per forward pass: bounds memory (each 227×227 image's activations are a few MB).</summary>
    private const int Batch = 16;

    /// <summary>The pooled features of <paramref name="images"/>, (N, 512) float32, in order; read from the cache when there.</summary>
    /// <param name="imageFolder">The folder holding the PNG files.</param>
    /// <param name="images">File names within it.</param>
    /// <param name="squeezeNetFolder">The pretrained SqueezeNet (architecture.json and weights).</param>
    /// <param name="cacheFolder">Where computed features are kept.</param>
    /// <param name="progress">Called with the fraction done while computing.</param>
    public static Tensor Pooled(string imageFolder, IReadOnlyList<string> images, string squeezeNetFolder, string cacheFolder, Action<double>? progress = null) =>
        Cached("pooled", imageFolder, images, squeezeNetFolder, cacheFolder, progress);

    /// <summary>
    /// The spatial features of <paramref name="images"/>, (N, 512, 13, 13) float32, in order; read from the cache when there.
    /// Region (i, j) sees the centre of the 227 × 227 centre crop that <see cref="SqueezeNet.Preprocess"/> makes, at about
    /// 16 i + 8, 16 j + 8 pixels.
    /// </summary>
    /// <inheritdoc cref="Pooled"/>
    public static Tensor Spatial(string imageFolder, IReadOnlyList<string> images, string squeezeNetFolder, string cacheFolder, Action<double>? progress = null) =>
        Cached("spatial", imageFolder, images, squeezeNetFolder, cacheFolder, progress);

    private static Tensor Cached(string kind, string imageFolder, IReadOnlyList<string> images, string squeezeNetFolder, string cacheFolder, Action<double>? progress)
    {
        ArgumentNullException.ThrowIfNull(images);
        var key = Key(imageFolder, images, squeezeNetFolder);
        string PathOf(string k) => Path.Combine(cacheFolder, $"squeezenet-{k}-{key}.safetensors");
        if (File.Exists(PathOf(kind)))
        {
            using var cached = File.OpenRead(PathOf(kind));
            return SafeTensors.Read(cached)["features"];
        }

        var spatial = Compute(imageFolder, images, squeezeNetFolder, progress);
        var computed = new Dictionary<string, Tensor> { ["spatial"] = spatial, ["pooled"] = spatial.Mean([2, 3]) };
        try
        {
            Directory.CreateDirectory(cacheFolder);
            foreach (var (name, features) in computed)
            {
                var temporary = PathOf(name) + ".partial";
                using (var file = File.Create(temporary))
                {
                    SafeTensors.Write(file, new Dictionary<string, Tensor> { ["features"] = features });
                }

                File.Move(temporary, PathOf(name), overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache (a grading sandbox): the features are used without being kept.
        }

        return computed[kind];
    }

    private static Tensor Compute(string imageFolder, IReadOnlyList<string> images, string squeezeNetFolder, Action<double>? progress)
    {
        var model = SqueezeNet.Load(squeezeNetFolder);
        var rows = new List<Tensor>();
        using (Tensor.NoGrad())
        {
            for (var start = 0; start < images.Count; start += Batch)
            {
                var batch = images.Skip(start).Take(Batch).Select(name => SqueezeNet.Preprocess(ImageCodec.Read(Path.Combine(imageFolder, name)))).ToList();
                rows.Add(model.Features(Tensor.Cat(batch, 0)));
                progress?.Invoke(Math.Min(1, (double)(start + Batch) / images.Count));
            }
        }

        return Tensor.Cat(rows, 0);
    }

    /// <summary>SHA-256 over the weights file, the image names and each image's bytes: 16 hex digits.</summary>
    private static string Key(string imageFolder, IReadOnlyList<string> images, string squeezeNetFolder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(Path.Combine(squeezeNetFolder, "squeezenet1_0_deepcompression.safetensors.gz")));
        foreach (var image in images)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(image + "\n"));
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(Path.Combine(imageFolder, image))));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
