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

    // Widths cover one window at a time (6 × 8 and the double path), AVX-512 steps of 16 windows reading past a row's end
    // (28 × 28), a full step plus a ragged one (6 × 40), an odd width whose last column no window covers (5 × 33), and the
    // batch's last rows, copied before loading. Values from a small set make ties common; a NaN must win its window (the
    // first one when two share it), and infinities of both signs in one step send it to the scalar path.
    [TestCase(6, 8)]
    [TestCase(28, 28)]
    [TestCase(6, 40)]
    [TestCase(5, 33)]
    public void Two_by_two_fast_paths_match_a_naive_window_scan_with_ties_nan_and_infinities(int height, int width)
    {
        const int Planes = 3;
        var random = new Random(4);
        var x = Enumerable.Range(0, Planes * height * width).Select(_ => (double)random.Next(3)).ToArray();
        x[(1 * height * width) + 9] = double.NaN;
        x[(1 * height * width) + width + 9] = double.NaN;
        x[(2 * height * width) + 2] = double.PositiveInfinity;
        x[(2 * height * width) + 5] = double.NegativeInfinity;
        x[^1] = double.NaN;
        AssertMatchesScan<double>(x, Planes, height, width, v => v);
        AssertMatchesScan<float>(x, Planes, height, width, v => (float)v);
    }

    private static void AssertMatchesScan<T>(double[] x, int planes, int height, int width, Func<double, T> convert)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        int outHeight = height / 2, outWidth = width / 2;
        var w = new PoolWindow(height, width, 2, 2, 2, 2);
        var output = new T[planes * outHeight * outWidth];
        var indices = new long[output.Length];
        MaxPool2d.Forward<T>(Array.ConvertAll(x, v => convert(v)), planes, w, output, indices);
        for (var p = 0; p < planes; p++)
        {
            for (var oh = 0; oh < outHeight; oh++)
            {
                for (var ow = 0; ow < outWidth; ow++)
                {
                    int top = (2 * oh * width) + (2 * ow), bottom = top + width;
                    int[] window = [top, top + 1, bottom, bottom + 1];
                    var values = window.Select(i => x[(p * height * width) + i]).ToArray();
                    var nan = Array.FindIndex(values, double.IsNaN);
                    var best = nan >= 0 ? nan : Array.IndexOf(values, values.Max());
                    var o = (((p * outHeight) + oh) * outWidth) + ow;
                    Assert.That(indices[o], Is.EqualTo(window[best]), $"{typeof(T).Name}: plane {p}, window ({oh}, {ow})");
                    Assert.That(double.CreateTruncating(output[o]), Is.EqualTo(values[best]), $"{typeof(T).Name}: value of plane {p}, window ({oh}, {ow})");
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
