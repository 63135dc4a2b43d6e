using Autograder.Tensors;
using Homework.A2;

namespace Autograder.Grading.Tests.Reference;

/// <summary>The A2 from-scratch reference against independent oracles: hand-computed cases, and the library's conv2d and max-pool with autograd.</summary>
public sealed class A2ConvolutionTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Generator(seed), shape, DType.Float64);

    /// <summary>X = [[1,2,3],[4,5,6],[7,8,9]], K = [[1,0],[0,−1]]: filtering gives X[i,j] − X[i+1,j+1] = −4 everywhere; valid convolution flips K, giving +4.</summary>
    [Test]
    public void Filtering_and_valid_convolution_match_hand_computed_values()
    {
        var x = Tensor.FromArray(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, 3, 3);
        var k = Tensor.FromArray(new double[] { 1, 0, 0, -1 }, 2, 2);
        Assert.That(Convolution.Filter(x, k).ToArray<double>(), Is.EqualTo(new double[] { -4, -4, -4, -4 }));
        Assert.That(Convolution.Valid(x, k).ToArray<double>(), Is.EqualTo(new double[] { 4, 4, 4, 4 }));
    }

    /// <summary>Full convolution of a 1×1 input [2] with K = [[1,2],[3,4]] is 2K (the zero padding shows the whole kernel).</summary>
    [Test]
    public void Full_convolution_of_a_single_pixel_is_the_scaled_kernel()
    {
        var k = Tensor.FromArray(new double[] { 1, 2, 3, 4 }, 2, 2);
        Assert.That(Convolution.Full(Tensor.FromArray(new double[] { 2 }, 1, 1), k).ToArray<double>(), Is.EqualTo(new double[] { 2, 4, 6, 8 }));
    }

    [Test]
    public void Conv_layer_equals_the_librarys_conv2d_and_its_gradients()
    {
        var (x, k, b) = (R(1, 2, 3, 6, 5).RequireGrad(), R(2, 4, 3, 3, 2).RequireGrad(), R(3, 4).RequireGrad());
        var (output, cache) = ConvLayer.Forward(x.Detach(), k.Detach(), b.Detach());
        var expected = x.Conv2d(k, b);
        Assert.That(output.AllClose(expected.Detach(), 1e-12), Is.True);

        var dout = R(4, [.. expected.Shape.ToArray()]);
        expected.Backward(dout);
        var (dx, dk, db) = ConvLayer.Backward(dout, cache);
        Assert.That(dx.AllClose(x.Grad!, 1e-12), Is.True, "dX");
        Assert.That(dk.AllClose(k.Grad!, 1e-12), Is.True, "dK");
        Assert.That(db.AllClose(b.Grad!, 1e-12), Is.True, "db");
    }

    [Test]
    public void Max_pool_equals_the_librarys_and_routes_gradients_to_the_maxima()
    {
        var x = R(5, 2, 3, 8, 6).RequireGrad();
        var (output, cache) = MaxPool.Forward(x.Detach(), 2, 2);
        var expected = x.MaxPool2d(2);
        Assert.That(output.AllClose(expected.Detach(), 0), Is.True);
        var dout = R(6, [.. expected.Shape.ToArray()]);
        expected.Backward(dout);
        Assert.That(MaxPool.Backward(dout, cache).AllClose(x.Grad!, 1e-15), Is.True);
    }

    /// <summary>A window of equal values sends its whole gradient to the first (top-left) one; overlapping windows add up.</summary>
    [Test]
    public void Ties_go_to_the_first_maximum_and_overlapping_windows_add()
    {
        var x = Tensor.Ones([1, 1, 3, 3], DType.Float64);
        var (output, cache) = MaxPool.Forward(x, 2, 1);
        Assert.That(output.Shape.ToArray(), Is.EqualTo(new[] { 1, 1, 2, 2 }));
        var dx = MaxPool.Backward(Tensor.Ones([1, 1, 2, 2], DType.Float64), cache).ToArray<double>();
        Assert.That(dx, Is.EqualTo(new double[] { 1, 1, 0, 1, 1, 0, 0, 0, 0 }));
    }
}
