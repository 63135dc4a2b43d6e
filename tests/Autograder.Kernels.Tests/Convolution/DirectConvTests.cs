using Autograder.Kernels.Convolution;

namespace Autograder.Kernels.Tests.Convolution;

public sealed class DirectConvTests(bool simd, int vectorBits) : SimdFixture(simd, vectorBits)
{
    /// <summary>Stride-1 shapes: odd sizes, asymmetric padding, grids that end mid-tile, filter counts that leave a partial panel,
    /// a 1 × 1 kernel (one tap: plain and flipped packing must not be confused) and a layer large enough to pack in parallel;
    /// then strided ones (phase buffers): 3 × 3 of stride 2 on even and odd sizes, a 1 × 1 projection of stride 2 (one phase
    /// stored), a 7 × 7 stem of stride 2, stride 3 × 2 with a kernel shorter than the stride, and a ResNet-sized stage entry.</summary>
    private static IEnumerable<TestCaseData> Shapes()
    {
        yield return new TestCaseData(new ConvGeometry(3, 6, 5, 3, 3), 4);
        yield return new TestCaseData(new ConvGeometry(2, 7, 8, 3, 2, 1, 1, 1, 1), 7);
        yield return new TestCaseData(new ConvGeometry(1, 5, 5, 5, 5, 1, 1, 2, 2), 9);
        yield return new TestCaseData(new ConvGeometry(1, 28, 28, 3, 3, 1, 1, 1, 1), 16);
        yield return new TestCaseData(new ConvGeometry(16, 14, 14, 3, 3), 13);
        yield return new TestCaseData(new ConvGeometry(5, 6, 7, 1, 1), 3);
        yield return new TestCaseData(new ConvGeometry(64, 9, 9, 3, 3, 1, 1, 1, 1), 70);
        yield return new TestCaseData(new ConvGeometry(3, 8, 8, 3, 3, 2, 2, 1, 1), 5);
        yield return new TestCaseData(new ConvGeometry(2, 9, 7, 3, 3, 2, 2, 1, 1), 7);
        yield return new TestCaseData(new ConvGeometry(4, 10, 10, 1, 1, 2, 2), 9);
        yield return new TestCaseData(new ConvGeometry(3, 15, 15, 7, 7, 2, 2, 3, 3), 6);
        yield return new TestCaseData(new ConvGeometry(2, 11, 10, 2, 3, 3, 2, 0, 1), 4);
        yield return new TestCaseData(new ConvGeometry(64, 14, 14, 3, 3, 2, 2, 1, 1), 20);
    }

    [TestCaseSource(nameof(Shapes))]
    public void Forward_equals_the_definition_and_ignores_stale_scratch(ConvGeometry g, int filters)
    {
        if (!DirectConv.Applies(g))
        {
            Assert.That(Simd && (g.KernelHeight * g.KernelWidth > 1 || g is { StrideHeight: 1, StrideWidth: 1 }), Is.False, "every shape but a strided 1 × 1 kernel takes this path whenever vectors are on");
        }

        if (!Simd)
        {
            return;
        }

        var x = Naive.Random(g.Channels * g.Height * g.Width, 1);
        var w = Naive.Random(filters * g.ColumnRows, 2);
        var bias = Naive.Random(filters, 3);
        var packed = new double[DirectConv.PackedWeightsLength<double>(filters, g)];
        DirectConv.PackWeights<double>(w, filters, g, packed);
        var output = Enumerable.Repeat(double.NaN, filters * g.OutPositions).ToArray();
        var scratch = Enumerable.Repeat(double.NaN, DirectConv.ScratchLength<double>(filters, g)).ToArray();
        DirectConv.Forward<double>(x, g, packed, filters, bias, output, scratch);
        var expected = Naive.Convolution(x, w, filters, g);
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] += bias[i / g.OutPositions];
        }

        Naive.AssertClose(expected, output, 1e-12);
    }

    [TestCaseSource(nameof(Shapes))]
    public void Float_forward_without_bias_is_close_to_the_definition(ConvGeometry g, int filters)
    {
        if (!Simd)
        {
            return;
        }

        var x = Naive.Random(g.Channels * g.Height * g.Width, 4);
        var w = Naive.Random(filters * g.ColumnRows, 5);
        var packed = new float[DirectConv.PackedWeightsLength<float>(filters, g)];
        DirectConv.PackWeights<float>(Array.ConvertAll(w, v => (float)v), filters, g, packed);
        var output = new float[filters * g.OutPositions];
        DirectConv.Forward<float>(Array.ConvertAll(x, v => (float)v), g, packed, filters, [], output, new float[DirectConv.ScratchLength<float>(filters, g)]);
        Naive.AssertClose(Naive.Convolution(x, w, filters, g), Array.ConvertAll(output, v => (double)v), 1e-4 * g.ColumnRows);
    }

    [TestCaseSource(nameof(Shapes))]
    public void Flipped_weights_give_the_adjoint_the_input_gradient(ConvGeometry g, int filters)
    {
        // ⟨conv(x), G⟩ = ⟨x, dX⟩ for all x and G characterises dX as the input gradient.
        if (!DirectConv.AppliesToInputGradient(g))
        {
            Assert.That(Simd && g is { StrideHeight: 1, StrideWidth: 1 }, Is.False, "stride-1 shapes take this path whenever vectors are on");
            return;
        }

        var x = Naive.Random(g.Channels * g.Height * g.Width, 6);
        var w = Naive.Random(filters * g.ColumnRows, 7);
        var upstream = Naive.Random(filters * g.OutPositions, 8);
        var gradientGeometry = DirectConv.InputGradientGeometry(filters, g);
        Assert.That((gradientGeometry.OutHeight, gradientGeometry.OutWidth), Is.EqualTo((g.Height, g.Width)));
        var packed = new double[DirectConv.PackedWeightsLength<double>(g.Channels, gradientGeometry)];
        DirectConv.PackFlippedWeights<double>(w, filters, g, packed);
        var dx = new double[x.Length];
        DirectConv.Forward<double>(upstream, gradientGeometry, packed, g.Channels, [], dx, new double[DirectConv.ScratchLength<double>(g.Channels, gradientGeometry)]);
        var left = Naive.Convolution(x, w, filters, g).Zip(upstream, (a, b) => a * b).Sum();
        var right = x.Zip(dx, (a, b) => a * b).Sum();
        Assert.That(right, Is.EqualTo(left).Within(1e-10));
    }

    [TestCaseSource(nameof(Shapes))]
    public void Weight_gradient_over_a_run_of_images_is_added_to_what_was_there(ConvGeometry g, int filters)
    {
        if (!Simd)
        {
            return;
        }

        const int Count = 3;
        int imageSize = g.Channels * g.Height * g.Width, outSize = filters * g.OutPositions;
        var x = Naive.Random(Count * imageSize, 9);
        var upstream = Naive.Random(Count * outSize, 10);
        var start = Naive.Random(filters * g.ColumnRows, 11);
        var expected = (double[])start.Clone();
        for (var i = 0; i < Count; i++)
        {
            for (var f = 0; f < filters; f++)
            {
                for (var p = 0; p < g.ColumnRows; p++)
                {
                    int c = p / (g.KernelHeight * g.KernelWidth), ki = p / g.KernelWidth % g.KernelHeight, kj = p % g.KernelWidth;
                    for (var oh = 0; oh < g.OutHeight; oh++)
                    {
                        for (var ow = 0; ow < g.OutWidth; ow++)
                        {
                            int ih = (oh * g.StrideHeight) - g.PadHeight + ki, iw = (ow * g.StrideWidth) - g.PadWidth + kj;
                            if (ih >= 0 && ih < g.Height && iw >= 0 && iw < g.Width)
                            {
                                expected[(f * g.ColumnRows) + p] += upstream[(i * outSize) + (f * g.OutPositions) + (oh * g.OutWidth) + ow] * x[(i * imageSize) + (((c * g.Height) + ih) * g.Width) + iw];
                            }
                        }
                    }
                }
            }
        }

        var scratch = Enumerable.Repeat(double.NaN, DirectConv.WeightGradientScratchLength<double>(filters, g)).ToArray();
        DirectConv.AccumulateWeightGradient<double>(x, upstream, Count, g, filters, start, scratch);
        Naive.AssertClose(expected, start, 1e-11);
    }

    [Test]
    public void The_input_gradient_of_a_strided_convolution_is_refused_with_the_reason()
    {
        var g = new ConvGeometry(1, 8, 8, 3, 3, 2, 2);
        Assert.That(DirectConv.AppliesToInputGradient(g), Is.False);
        var error = Assert.Throws<ArgumentException>(() => DirectConv.InputGradientGeometry(1, g));
        Assert.That(error!.Message, Does.Contain("stride 1"));
    }

    [Test]
    public void Without_vectors_the_path_is_refused_with_the_reason()
    {
        var g = new ConvGeometry(1, 8, 8, 3, 3);
        if (DirectConv.Applies(g))
        {
            Assert.That(Simd, Is.True);
            return;
        }

        var error = Assert.Throws<ArgumentException>(() => DirectConv.Forward<double>(new double[64], g, new double[72], 1, [], new double[36], new double[4096]));
        Assert.That(error!.Message, Does.Contain("vector instructions"));
    }
}
