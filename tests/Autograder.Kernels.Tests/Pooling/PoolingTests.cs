using Autograder.Kernels.Pooling;

namespace Autograder.Kernels.Tests.Pooling;

public sealed class PoolingTests(bool simd, int vectorBits) : SimdFixture(simd, vectorBits)
{
    [Test]
    public void Max_pool_picks_window_maxima_and_routes_gradients_to_them()
    {
        double[] x = [1, 9, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 6];
        var w = new PoolWindow(4, 4, 2, 2, 2, 2);
        var output = new double[4];
        var indices = new long[4];
        MaxPool2d.Forward<double>(x, 1, w, output, indices);
        Assert.That(output, Is.EqualTo(new double[] { 9, 7, 8, 6 }).AsCollection);
        Assert.That(indices, Is.EqualTo(new long[] { 1, 7, 8, 15 }).AsCollection);
        var grad = new double[16];
        MaxPool2d.Backward<double>([1, 2, 3, 4], indices, 1, w, grad);
        Assert.That(grad.Sum(), Is.EqualTo(10));
        Assert.That(grad[1] + grad[7] + grad[8] + grad[15], Is.EqualTo(10));
    }

    [Test]
    public void Avg_pool_divisors_follow_pytorch()
    {
        // 3×3 ones, kernel 2, stride 2, padding 1: corner windows hold 1 real value of 4 padded cells.
        var ones = Enumerable.Repeat(1.0, 9).ToArray();
        var w = new PoolWindow(3, 3, 2, 2, 2, 2, 1, 1);
        var included = new double[4];
        var excluded = new double[4];
        AvgPool2d.Forward<double>(ones, 1, w, countIncludePad: true, included);
        AvgPool2d.Forward<double>(ones, 1, w, countIncludePad: false, excluded);
        Assert.That(included, Is.EqualTo(new[] { 0.25, 0.5, 0.5, 1.0 }).AsCollection);
        Assert.That(excluded, Is.EqualTo(new[] { 1.0, 1.0, 1.0, 1.0 }).AsCollection);
    }

    [Test]
    public void Ceil_mode_keeps_a_last_partial_window_only_if_it_starts_inside()
    {
        Assert.That(new PoolWindow(5, 5, 2, 2, 2, 2, CeilMode: true).OutHeight, Is.EqualTo(3));
        Assert.That(new PoolWindow(5, 5, 2, 2, 2, 2).OutHeight, Is.EqualTo(2));
        Assert.That(new PoolWindow(4, 4, 2, 2, 2, 2, 1, 1, CeilMode: true).OutHeight, Is.EqualTo(3));
    }

    [Test]
    public void Adaptive_windows_overlap_when_sizes_do_not_divide()
    {
        double[] x = [1, 2, 3, 4, 5];
        var output = new double[3];
        AdaptiveAvgPool2d.Forward<double>(x, 1, 1, 5, 1, 3, output);
        Assert.That(output, Is.EqualTo(new[] { 1.5, 3.0, 4.5 }).AsCollection);
    }

    [Test]
    public void Padding_over_half_the_kernel_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => MaxPool2d.Forward<double>(new double[16], 1, new PoolWindow(4, 4, 2, 2, 1, 1, 2, 2), new double[100], new long[100]));
        Assert.That(error!.Message, Does.Contain("padding must be between 0 and half the kernel"));
    }

    [Test]
    public void Two_by_two_fast_path_matches_a_naive_window_scan_with_ties_and_nan()
    {
        // Values from a small set make ties common; one NaN per plane checks that a NaN wins its window.
        const int Planes = 3, H = 6, W = 8;
        var random = new Random(4);
        var x = Enumerable.Range(0, Planes * H * W).Select(_ => (double)random.Next(3)).ToArray();
        x[(1 * H * W) + 9] = double.NaN;
        var w = new PoolWindow(H, W, 2, 2, 2, 2);
        var output = new double[Planes * 3 * 4];
        var indices = new long[output.Length];
        MaxPool2d.Forward<double>(x, Planes, w, output, indices);
        for (var p = 0; p < Planes; p++)
        {
            for (var oh = 0; oh < 3; oh++)
            {
                for (var ow = 0; ow < 4; ow++)
                {
                    int[] window = [(2 * oh * W) + (2 * ow), (2 * oh * W) + (2 * ow) + 1, (((2 * oh) + 1) * W) + (2 * ow), (((2 * oh) + 1) * W) + (2 * ow) + 1];
                    var values = window.Select(i => x[(p * H * W) + i]).ToArray();
                    var nan = Array.FindIndex(values, double.IsNaN);
                    var best = nan >= 0 ? nan : Array.IndexOf(values, values.Max());
                    var o = (((p * 3) + oh) * 4) + ow;
                    Assert.That(indices[o], Is.EqualTo(window[best]), $"plane {p}, window ({oh}, {ow})");
                }
            }
        }
    }

    [TestCase(6, 8, 2, 2)]
    [TestCase(5, 7, 2, 2)]
    [TestCase(7, 5, 3, 2)]
    public void Backward_overwrites_stale_values_and_matches_a_naive_scatter(int height, int width, int kernel, int stride)
    {
        // The destination starts full of NaN: every position must be written, covered by a window or not.
        const int Planes = 3;
        var random = new Random(11);
        var w = new PoolWindow(height, width, kernel, kernel, stride, stride);
        var x = Enumerable.Range(0, Planes * height * width).Select(_ => random.NextDouble()).ToArray();
        var outSize = w.OutHeight * w.OutWidth;
        var output = new double[Planes * outSize];
        var indices = new long[output.Length];
        MaxPool2d.Forward<double>(x, Planes, w, output, indices);
        var gradOutput = Enumerable.Range(0, output.Length).Select(i => i + 1.0).ToArray();
        var expected = new double[x.Length];
        for (var o = 0; o < output.Length; o++)
        {
            expected[((o / outSize) * height * width) + indices[o]] += gradOutput[o];
        }

        var grad = Enumerable.Repeat(double.NaN, x.Length).ToArray();
        MaxPool2d.Backward<double>(gradOutput, indices, Planes, w, grad);
        Assert.That(grad, Is.EqualTo(expected).AsCollection);
    }

    [Test]
    public void Backward_rejects_an_index_outside_its_plane()
    {
        var w = new PoolWindow(4, 4, 2, 2, 2, 2);
        var error = Assert.Throws<ArgumentException>(() => MaxPool2d.Backward<double>([1, 2, 3, 4], [0, 7, 8, 16], 1, w, new double[16]));
        Assert.That(error!.Message, Does.Contain("index 16 at plane 0, output 3"));
    }
}
