using Autograder.Kernels;

namespace Autograder.Tensors.Tests.Ops;

/// <summary>Both convolution paths (image by image from 64 output positions, batched column matrix below) against the definition, and thread-count independence.</summary>
public sealed class ConvolutionPathTests
{
    [TestCase(12, 12, 1, 1, TestName = "Image by image (144 positions)")]
    [TestCase(5, 6, 2, 1, TestName = "Batched column matrix (12 positions)")]
    public void Forward_and_weight_gradient_match_the_definition(int height, int width, int stride, int padding)
    {
        var x = Tensor.Randn(new Generator(1), [5, 3, height, width], DType.Float64);
        var w = Tensor.Randn(new Generator(2), [4, 3, 3, 3], DType.Float64).RequireGrad();
        var b = Tensor.Randn(new Generator(3), [4], DType.Float64);
        var y = x.Conv2d(w, b, stride, padding);
        var expected = Direct(x.ToArray<double>(), w.ToArray<double>(), b.ToArray<double>(), x.Shape.ToArray(), stride, padding, out var oh, out var ow);
        Assert.That(y.Shape.ToArray(), Is.EqualTo(new[] { 5, 4, oh, ow }));
        Assert.That(y.ToArray<double>(), Is.EqualTo(expected).Within(1e-12).AsCollection);

        // d(sum y)/dW[f, c, i, j] = sum over images and positions of the input under tap (i, j).
        y.Sum().Backward();
        var ones = Direct(x.ToArray<double>(), null, null, x.Shape.ToArray(), stride, padding, out _, out _, tapSums: true);
        var grad = w.Grad!.ToArray<double>();
        for (var f = 0; f < 4; f++)
        {
            Assert.That(grad.AsSpan(f * 27, 27).ToArray(), Is.EqualTo(ones).Within(1e-9).AsCollection, $"filter {f}");
        }
    }

    [TestCase(12, 12, TestName = "Bias gradient alone, image by image")]
    [TestCase(4, 5, TestName = "Bias gradient alone, batched column matrix")]
    public void Bias_gradient_alone_is_the_upstream_sum_per_filter(int height, int width)
    {
        // Input and weight frozen: only the bias needs a gradient, which is G summed over images and positions.
        var x = Tensor.Randn(new Generator(6), [7, 2, height, width], DType.Float64);
        var w = Tensor.Randn(new Generator(7), [3, 2, 3, 3], DType.Float64);
        var b = Tensor.Zeros([3], DType.Float64).RequireGrad();
        var y = x.Conv2d(w, b, 1, 1);
        var upstream = Tensor.Randn(new Generator(8), y.Shape.ToArray(), DType.Float64);
        y.Backward(upstream);
        var g = upstream.ToArray<double>();
        var perFilter = height * width;
        var expected = Enumerable.Range(0, 3).Select(f => Enumerable.Range(0, 7).Sum(i => g.AsSpan(((i * 3) + f) * perFilter, perFilter).ToArray().Sum())).ToArray();
        Assert.That(b.Grad!.ToArray<double>(), Is.EqualTo(expected).Within(1e-10).AsCollection);
    }

    [Test]
    public void Image_by_image_results_are_bit_identical_at_one_and_two_threads()
    {
        float[] Run(int threads)
        {
            float[] result = [];
            KernelSettings.With(true, threads, () =>
            {
                var x = Tensor.Randn(new Generator(4), [19, 6, 14, 14]).RequireGrad();
                var w = Tensor.Randn(new Generator(5), [8, 6, 3, 3]).RequireGrad();
                var b = Tensor.Randn(new Generator(6), [8]).RequireGrad();
                var y = x.Conv2d(w, b, 1, 0);
                (y * y).Sum().Backward();
                result = [.. y.ToArray<float>(), .. w.Grad!.ToArray<float>(), .. b.Grad!.ToArray<float>(), .. x.Grad!.ToArray<float>()];
            });
            return result;
        }

        Assert.That(Run(2), Is.EqualTo(Run(1)).AsCollection);
    }

    /// <summary>The convolution by its definition; with tapSums, instead, the per-tap sums of the input over images and positions.</summary>
    private static double[] Direct(double[] x, double[]? w, double[]? b, int[] shape, int stride, int padding, out int oh, out int ow, bool tapSums = false)
    {
        int n = shape[0], c = shape[1], h = shape[2], wd = shape[3], f = 4;
        oh = ((h + (2 * padding) - 3) / stride) + 1;
        ow = ((wd + (2 * padding) - 3) / stride) + 1;
        var y = new double[tapSums ? c * 9 : n * f * oh * ow];
        for (var img = 0; img < n; img++)
        {
            for (var filter = 0; filter < (tapSums ? 1 : f); filter++)
            {
                for (var r = 0; r < oh; r++)
                {
                    for (var col = 0; col < ow; col++)
                    {
                        var sum = b?[filter] ?? 0;
                        for (var ch = 0; ch < c; ch++)
                        {
                            for (var i = 0; i < 3; i++)
                            {
                                for (var j = 0; j < 3; j++)
                                {
                                    int ih = (r * stride) - padding + i, iw = (col * stride) - padding + j;
                                    var v = ih >= 0 && ih < h && iw >= 0 && iw < wd ? x[(((((img * c) + ch) * h) + ih) * wd) + iw] : 0;
                                    if (tapSums)
                                    {
                                        y[(ch * 9) + (i * 3) + j] += v;
                                    }
                                    else
                                    {
                                        sum += v * w![(((filter * c) + ch) * 9) + (i * 3) + j];
                                    }
                                }
                            }
                        }

                        if (!tapSums)
                        {
                            y[(((((img * f) + filter) * oh) + r) * ow) + col] = sum;
                        }
                    }
                }
            }
        }

        return y;
    }
}
