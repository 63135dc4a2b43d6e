using System.Security.Cryptography;
using Autograder.Data.Images;
using Autograder.Tensors;
using Autograder.Tensors.IO;

namespace Autograder.Data.Pretrained;

/// <summary>
/// SqueezeNet features of a folder of images, computed once and cached: the spatially averaged last Fire module, a
/// 512-vector per image. The cache file is keyed by the weights' and the images' SHA-256, so new weights or changed images
/// are never served stale features.
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
    public static Tensor Pooled(string imageFolder, IReadOnlyList<string> images, string squeezeNetFolder, string cacheFolder, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        var path = Path.Combine(cacheFolder, $"squeezenet-pooled-{Key(imageFolder, images, squeezeNetFolder)}.safetensors");
        if (File.Exists(path))
        {
            using var cached = File.OpenRead(path);
            return SafeTensors.Read(cached)["features"];
        }

        var model = SqueezeNet.Load(squeezeNetFolder);
        var rows = new List<Tensor>();
        using (Tensor.NoGrad())
        {
            for (var start = 0; start < images.Count; start += Batch)
            {
                var batch = images.Skip(start).Take(Batch).Select(name => SqueezeNet.Preprocess(Png.Read(Path.Combine(imageFolder, name)))).ToList();
                rows.Add(model.Features(Tensor.Cat(batch, 0)).Mean([2, 3]));
                progress?.Invoke(Math.Min(1, (double)(start + Batch) / images.Count));
            }
        }

        var features = Tensor.Cat(rows, 0);
        Directory.CreateDirectory(cacheFolder);
        var temporary = path + ".partial";
        using (var file = File.Create(temporary))
        {
            SafeTensors.Write(file, new Dictionary<string, Tensor> { ["features"] = features });
        }

        File.Move(temporary, path, overwrite: true);
        return features;
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
