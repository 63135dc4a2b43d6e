using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Autograder.Data.Images;
using Autograder.Tensors;
using Autograder.Tensors.IO;
using Autograder.Tensors.NN;

namespace Autograder.Data.Pretrained;

/// <summary>SqueezeNet v1.0 built from the data set's <c>architecture.json</c>, with its ImageNet weights and preprocessing.</summary>
/// <remarks>
/// Layers: conv / max-pool (ceil mode) / fire / dropout / conv / global average pool, as the JSON lists them; parameter
/// names match the safetensors file (<c>conv1.weight</c>, <c>fire2.squeeze1x1.weight</c>, …). Input: BGR pixels in
/// 0–255 minus the mean (104, 117, 123), as the original Caffe model expects.
/// </remarks>
public sealed class SqueezeNet : Module<Tensor, Tensor>
{
    private readonly List<(Module<Tensor, Tensor> Layer, bool Relu)> _layers = [];

    private SqueezeNet(JsonElement architecture)
    {
        var index = 0;
        foreach (var layer in architecture.GetProperty("layers").EnumerateArray())
        {
            var op = layer.GetProperty("op").GetString();
            var name = layer.TryGetProperty("name", out var n) ? n.GetString()! : $"{op}{index}";
            index++;
            switch (op)
            {
                case "conv2d":
                    _layers.Add((RegisterModule(name, Conv(layer)), Then(layer)));
                    break;
                case "fire":
                    var squeeze = layer.GetProperty("squeeze");
                    _layers.Add((RegisterModule(name, new Fire(Int(squeeze, "in"), Int(squeeze, "out"), Int(layer.GetProperty("expand1x1"), "out"), Int(layer.GetProperty("expand3x3"), "out"))), false));
                    break;
                case "maxpool2d":
                    _layers.Add((RegisterModule(name, new MaxPool2d(Int(layer, "kernel"), Int(layer, "stride"), Int(layer, "pad"), layer.GetProperty("ceil_mode").GetBoolean())), false));
                    break;
                case "dropout":
                    _layers.Add((RegisterModule(name, new Dropout(layer.GetProperty("p").GetDouble(), new Generator(0))), false));
                    break;
                case "global_avgpool":
                    _layers.Add((RegisterModule(name, new AdaptiveAvgPool2d(1)), false));
                    break;
                case "softmax":
                    break;
                default:
                    throw new DataFormatException($"SqueezeNet architecture: unknown layer op '{op}'.");
            }
        }
    }

    /// <summary>Gets the ImageNet mean subtracted per channel, in BGR order.</summary>
    public static IReadOnlyList<double> MeanBgr { get; } = [104, 117, 123];

    /// <summary>Builds the network from a folder holding <c>architecture.json</c> and <c>squeezenet1_0_deepcompression.safetensors.gz</c>, weights loaded, in evaluation mode.</summary>
    public static SqueezeNet Load(string folder)
    {
        var architecture = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "architecture.json"))).RootElement;
        var model = new SqueezeNet(architecture);
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(folder, "squeezenet1_0_deepcompression.safetensors.gz")), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        buffer.Position = 0;
        model.LoadStateDict(SafeTensors.Read(buffer));
        model.Eval();
        return model;
    }

    /// <summary>Reads the class names (<c>imagenet_synset_words.txt</c>: "wnid names" per line), by output index.</summary>
    public static IReadOnlyList<string> ClassNames(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, "imagenet_synset_words.txt")).Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..])];

    /// <summary>The input tensor (1, 3, size, size) for an RGB image: shorter side resized to <paramref name="resize"/>, centre crop, BGR, mean subtracted.</summary>
    public static Tensor Preprocess(Image image, int resize = 256, int size = 227)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels < 3)
        {
            throw new ArgumentException($"SqueezeNet: expected an RGB image; got {image.Channels} channel(s).", nameof(image));
        }

        var cropped = ImageResize.CenterCrop(ImageResize.ShorterSide(image, resize), size, size);
        var values = new float[3 * size * size];
        var plane = size * size;
        for (var i = 0; i < plane; i++)
        {
            for (var bgr = 0; bgr < 3; bgr++)
            {
                values[(bgr * plane) + i] = (float)(cropped.Pixels[(i * cropped.Channels) + (2 - bgr)] - MeanBgr[bgr]);
            }
        }

        return Tensor.FromArray(values, 1, 3, size, size);
    }

    /// <summary>
    /// The image features the classifier reads: the last Fire module's output before dropout and conv10, (N, 512, 13, 13) at
    /// 227×227 input. Averaged over space it is a 512-vector per image (a captioning model's input); kept spatial, 169
    /// regions to attend over.
    /// </summary>
    /// <param name="input">Preprocessed images, (N, 3, 227, 227) (see <see cref="Preprocess"/>).</param>
    public Tensor Features(Tensor input)
    {
        var x = input;
        foreach (var (layer, relu) in _layers.TakeWhile(l => l.Layer is not Dropout))
        {
            x = layer.Call(x);
            x = relu ? x.Relu() : x;
        }

        return x;
    }

    /// <summary>
    /// The output of each of the first <paramref name="count"/> layers, in order (a convolution's after its ReLU), as style
    /// transfer reads them: 0 conv1, 1 max-pool, 2 fire2, 3 fire3, 4 fire4, 5 max-pool, 6 fire5, 7 fire6, 8 fire7, 9 fire8,
    /// 10 max-pool, 11 fire9.
    /// </summary>
    /// <param name="input">Preprocessed images, (N, 3, H, W).</param>
    /// <param name="count">How many layers to run, at most the 12 before the classifier.</param>
    public IReadOnlyList<Tensor> Activations(Tensor input, int count)
    {
        var features = _layers.TakeWhile(l => l.Layer is not Dropout).ToList();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, features.Count);
        var outputs = new List<Tensor>(count);
        var x = input;
        foreach (var (layer, relu) in features.Take(count))
        {
            x = layer.Call(x);
            x = relu ? x.Relu() : x;
            outputs.Add(x);
        }

        return outputs;
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var (layer, relu) in _layers)
        {
            x = layer.Call(x);
            x = relu ? x.Relu() : x;
        }

        return x.Flatten(1);
    }

    private static Conv2d Conv(JsonElement layer) =>
        new(Int(layer, "in"), Int(layer, "out"), Int(layer, "kernel"), Int(layer, "stride"), Int(layer, "pad"));

    private static bool Then(JsonElement layer) => layer.TryGetProperty("then", out var then) && then.GetString() == "relu";

    private static int Int(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetInt32() : throw new DataFormatException(string.Create(CultureInfo.InvariantCulture, $"SqueezeNet architecture: a layer lacks '{property}'."));
}
