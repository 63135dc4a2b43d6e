using Autograder.Tensors;

namespace Autograder.Benchmarks.Quick;

/// <summary>Quick conv2d forward + backward: input (50, 3, 32, 32), weight (32, 3, 3, 3), padding 1, bias — timed per iteration.</summary>
internal static class Conv2dQuick
{
    public static string Run(QuickOptions options)
    {
        var dtype = options.DType == "float32" ? DType.Float32 : DType.Float64;
        var gen = new Generator(0);
        var x = Tensor.Randn(gen, [50, 3, 32, 32], dtype).RequireGrad();
        var w = Tensor.Randn(gen, [32, 3, 3, 3], dtype).RequireGrad();
        var b = Tensor.Randn(gen, [32], dtype).RequireGrad();
        var upstream = Tensor.Randn(gen, [50, 32, 32, 32], dtype);
        var seconds = Timing.MedianSeconds(
            () =>
            {
                x.Grad = w.Grad = b.Grad = null;
                x.Conv2d(w, b, 1, 1).Backward(upstream);
            },
            options.Seconds);
        return Json.Object(("case", "conv2d"), ("input", "50x3x32x32"), ("weight", "32x3x3x3"), ("dtype", options.DType), ("ms", Math.Round(seconds * 1000, 2)));
    }
}
