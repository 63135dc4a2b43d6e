using Autograder.Tensors.NN;

namespace Autograder.Tensors.Tests.NN;

/// <summary>Binary cross-entropy of probabilities at the edges, where a sigmoid saturates in float32.</summary>
public sealed class BinaryCrossEntropyTests
{
    [Test]
    public void Saturated_probabilities_give_finite_losses_and_gradients()
    {
        // p = 1 with target 1 and p = 0 with target 0 cost nothing; p = 1 with target 0 costs 100 (the clamped log), as in PyTorch.
        var p = Tensor.FromArray(new float[] { 1, 0, 1, 0.25f }, 4);
        p.RequiresGrad = true;
        var loss = Functional.BinaryCrossEntropy(p, Tensor.FromArray(new float[] { 1, 0, 0, 1 }, 4), Reduction.Sum);
        loss.Backward();
        Assert.Multiple(() =>
        {
            Assert.That(loss.Item(), Is.EqualTo(100 - Math.Log(0.25)).Within(1e-4));
            var grad = p.Grad!.ToArray<float>();
            Assert.That(grad.All(float.IsFinite), Is.True, string.Join(", ", grad));
            Assert.That(grad[0], Is.Zero);
            Assert.That(grad[1], Is.Zero);
            Assert.That(grad[3], Is.EqualTo(-4).Within(1e-5), "(p − t) / (p (1 − p)) = −0.75 / 0.1875");
        });
    }
}
