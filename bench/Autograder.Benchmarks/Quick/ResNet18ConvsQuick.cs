using Autograder.Tensors;

namespace Autograder.Benchmarks.Quick;

/// <summary>
/// Quick timing of each distinct convolution of ResNet-18's training step (torchvision's shapes, no bias, batch from
/// <c>--batch</c>, 224 × 224 images): forward, then the input and weight gradients (the stem's weight gradient only, as in
/// training, where the images need none). Reports the median milliseconds of each shape and their sum weighted by how many
/// times the network uses it, to find which layers hold the step back against the peer's <c>resnet18_convs_torch.py</c>.
/// </summary>
internal static class ResNet18ConvsQuick
{
    /// <summary>The distinct shapes: name, input (C, H), filters, kernel, stride, padding, and uses in the network.</summary>
    private static readonly (string Name, int C, int H, int F, int K, int Stride, int Pad, int Uses)[] Shapes =
    [
        ("stem", 3, 224, 64, 7, 2, 3, 1),
        ("l1", 64, 56, 64, 3, 1, 1, 4),
        ("l2_down3x3", 64, 56, 128, 3, 2, 1, 1),
        ("l2_proj1x1", 64, 56, 128, 1, 2, 0, 1),
        ("l2", 128, 28, 128, 3, 1, 1, 3),
        ("l3_down3x3", 128, 28, 256, 3, 2, 1, 1),
        ("l3_proj1x1", 128, 28, 256, 1, 2, 0, 1),
        ("l3", 256, 14, 256, 3, 1, 1, 3),
        ("l4_down3x3", 256, 14, 512, 3, 2, 1, 1),
        ("l4_proj1x1", 256, 14, 512, 1, 2, 0, 1),
        ("l4", 512, 7, 512, 3, 1, 1, 3),
    ];

    public static string Run(QuickOptions options)
    {
        var gen = new Generator(0);
        var fields = new List<(string, object)> { ("case", "resnet18-convs"), ("batch", options.Batch) };
        var total = 0.0;
        foreach (var (name, c, h, f, k, stride, pad, uses) in Shapes)
        {
            var x = Tensor.Randn(gen, [options.Batch, c, h, h]);
            if (name != "stem")
            {
                x = x.RequireGrad();
            }

            var w = Tensor.Randn(gen, [f, c, k, k]).RequireGrad();
            var outSize = ((h + (2 * pad) - k) / stride) + 1;
            var upstream = Tensor.Randn(gen, [options.Batch, f, outSize, outSize]);
            var seconds = Timing.MedianSeconds(
                () =>
                {
                    x.Grad = w.Grad = null;
                    x.Conv2d(w, null, stride, pad).Backward(upstream);
                },
                options.Seconds / 4);
            var ms = Math.Round(seconds * 1000, 2);
            fields.Add((name + "_ms", ms));
            total += ms * uses;
        }

        fields.Add(("weighted_total_ms", Math.Round(total, 1)));
        return Json.Object([.. fields]);
    }
}
