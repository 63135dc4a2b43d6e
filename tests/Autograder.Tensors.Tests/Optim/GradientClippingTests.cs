using Autograder.Tensors.Optim;

namespace Autograder.Tensors.Tests.Optim;

/// <summary>Clipping by the total norm, against hand-computed values: gradients (3, 4) and (12) have total norm 13.</summary>
public sealed class GradientClippingTests
{
    private static (Tensor A, Tensor B, Tensor C) Parameters()
    {
        var a = Tensor.Zeros([2], DType.Float64).RequireGrad();
        var b = Tensor.Zeros([1], DType.Float64).RequireGrad();
        var c = Tensor.Zeros([1], DType.Float64).RequireGrad();
        a.Grad = Tensor.FromArray(new[] { 3.0, 4.0 }, 2);
        b.Grad = Tensor.FromArray(new[] { 12.0 }, 1);
        return (a, b, c);
    }

    [Test]
    public void A_total_norm_above_the_limit_scales_every_gradient_by_the_same_factor()
    {
        var (a, b, c) = Parameters();
        var total = GradientClipping.ClipGradNorm([a, b, c], 6.5);
        Assert.Multiple(() =>
        {
            Assert.That(total, Is.EqualTo(13).Within(1e-12), "the norm before clipping; c has no gradient and is skipped");
            Assert.That(a.Grad!.ToArray<double>(), Is.EqualTo(new[] { 1.5, 2.0 }).Within(1e-6), "scaled by 6.5 / 13");
            Assert.That(b.Grad!.ToArray<double>(), Is.EqualTo(new[] { 6.0 }).Within(1e-6));
            Assert.That(c.Grad, Is.Null);
        });
    }

    [Test]
    public void A_total_norm_within_the_limit_leaves_the_gradients_alone()
    {
        var (a, b, _) = Parameters();
        Assert.That(GradientClipping.ClipGradNorm([a, b], 20), Is.EqualTo(13).Within(1e-12));
        Assert.That(a.Grad!.ToArray<double>(), Is.EqualTo(new[] { 3.0, 4.0 }));
        Assert.That(b.Grad!.ToArray<double>(), Is.EqualTo(new[] { 12.0 }));
    }
}
