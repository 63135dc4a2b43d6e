using Autograder.Kernels.Convolution;

namespace Autograder.Kernels.Tests.Convolution;

public sealed class Im2ColTests(bool simd, int vectorBits) : SimdFixture(simd, vectorBits)
{
    private static IEnumerable<ConvGeometry> Geometries()
    {
        yield return new ConvGeometry(3, 6, 5, 3, 3);
        yield return new ConvGeometry(2, 7, 8, 3, 2, 2, 1, 1, 2);
        yield return new ConvGeometry(1, 5, 5, 5, 5, 1, 1, 2, 2);
        yield return new ConvGeometry(2, 9, 9, 2, 3, 3, 2, 0, 1);
    }

    [TestCaseSource(nameof(Geometries))]
    public void Unfold_then_gemm_equals_a_direct_convolution(ConvGeometry g)
    {
        const int Filters = 4;
        var x = Naive.Random(g.Channels * g.Height * g.Width, 1);
        var w = Naive.Random(Filters * g.ColumnRows, 2);
        var cols = new double[g.ColumnRows * g.OutPositions];
        Im2Col.Unfold<double>(x, g, cols, g.OutPositions, 0);
        var y = new double[Filters * g.OutPositions];
        Kernels.Gemm.Gemm.Multiply(false, false, Filters, g.OutPositions, g.ColumnRows, 1.0, w, g.ColumnRows, cols, g.OutPositions, 0.0, y, g.OutPositions);
        Naive.AssertClose(Naive.Convolution(x, w, Filters, g), y, 1e-12);
    }

    [TestCaseSource(nameof(Geometries))]
    public void Fold_is_the_adjoint_of_unfold(ConvGeometry g)
    {
        // ⟨unfold(x), c⟩ = ⟨x, fold(c)⟩ for all x and c characterises fold as col2im.
        var x = Naive.Random(g.Channels * g.Height * g.Width, 3);
        var c = Naive.Random(g.ColumnRows * g.OutPositions, 4);
        var unfolded = new double[c.Length];
        Im2Col.Unfold<double>(x, g, unfolded, g.OutPositions, 0);
        var folded = new double[x.Length];
        Im2Col.Fold<double>(c, g.OutPositions, 0, g, folded);
        var left = unfolded.Zip(c, (a, b) => a * b).Sum();
        var right = x.Zip(folded, (a, b) => a * b).Sum();
        Assert.That(left, Is.EqualTo(right).Within(1e-10));
    }

    [TestCaseSource(nameof(Geometries))]
    public void Batch_unfold_places_images_side_by_side(ConvGeometry g)
    {
        // float32 takes the vector gather (every row is longer than eight here), float64 the scalar one.
        const int N = 3;
        var imageSize = g.Channels * g.Height * g.Width;
        var images = Naive.Random(N * imageSize, 5);
        var batch = Enumerable.Repeat(double.NaN, g.ColumnRows * N * g.OutPositions).ToArray();
        var batchFloat = Enumerable.Repeat(float.NaN, batch.Length).ToArray();
        Im2Col.UnfoldBatch<double>(images, N, g, batch);
        Im2Col.UnfoldBatch<float>(Array.ConvertAll(images, v => (float)v), N, g, batchFloat);
        for (var i = 0; i < N; i++)
        {
            var single = new double[g.ColumnRows * g.OutPositions];
            Im2Col.Unfold<double>(images.AsSpan(i * imageSize, imageSize), g, single, g.OutPositions, 0);
            for (var r = 0; r < g.ColumnRows; r++)
            {
                var expected = single.AsSpan(r * g.OutPositions, g.OutPositions).ToArray();
                var at = (r * N * g.OutPositions) + (i * g.OutPositions);
                Assert.That(batch.AsSpan(at, g.OutPositions).ToArray(), Is.EqualTo(expected), $"float64, image {i}, row {r}");
                Assert.That(Array.ConvertAll(batchFloat.AsSpan(at, g.OutPositions).ToArray(), v => (double)v), Is.EqualTo(Array.ConvertAll(expected, v => (double)(float)v)), $"float32, image {i}, row {r}");
            }
        }
    }

    [TestCaseSource(nameof(Geometries))]
    public void Batch_fold_adds_each_image_block_into_its_image(ConvGeometry g)
    {
        // The adjoint of the batch unfold, added to what the gradients held: per image, the single-image fold of its block.
        const int N = 3;
        var imageSize = g.Channels * g.Height * g.Width;
        var stride = N * g.OutPositions;
        var columns = Naive.Random(g.ColumnRows * stride, 6);
        var start = Naive.Random(N * imageSize, 7);
        var expected = (double[])start.Clone();
        for (var i = 0; i < N; i++)
        {
            Im2Col.Fold<double>(columns, stride, i * g.OutPositions, g, expected.AsSpan(i * imageSize, imageSize));
        }

        var batch = (double[])start.Clone();
        Im2Col.FoldBatch<double>(columns, N, g, batch);
        Naive.AssertClose(expected, batch, 1e-12);
        var batchFloat = Array.ConvertAll(start, v => (float)v);
        Im2Col.FoldBatch<float>(Array.ConvertAll(columns, v => (float)v), N, g, batchFloat);
        Naive.AssertClose(expected, Array.ConvertAll(batchFloat, v => (double)v), 1e-5);
    }

    [Test]
    public void Kernel_larger_than_padded_input_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Im2Col.Unfold<double>(new double[9], new ConvGeometry(1, 3, 3, 4, 4), new double[100], 1, 0));
        Assert.That(error!.Message, Does.Contain("kernel (4, 4) is larger than the padded input (3, 3)"));
    }
}
