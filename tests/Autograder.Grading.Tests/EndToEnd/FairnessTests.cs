namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Correct solutions written differently from the reference get full marks; a check's title holds (a softmax loss that is not stable fails).</summary>
[NonParallelizable]
public sealed class FairnessTests
{
    [Test]
    public void In_place_update_rules_get_full_marks_and_an_unstable_softmax_loss_fails()
    {
        var variant = new Dictionary<string, string>
        {
            // As PyTorch's SGD does: the velocity and the parameter updated in place.
            ["SgdMomentum.Step"] = "ArgumentNullException.ThrowIfNull(w); Velocity ??= Tensor.ZerosLike(w); Velocity.Mul_(Momentum).Sub_(dw * LearningRate); return w.Add_(Velocity);",
            ["Adam.Step"] = "ArgumentNullException.ThrowIfNull(w); T++; M ??= Tensor.ZerosLike(w); V ??= Tensor.ZerosLike(w); M.Mul_(Beta1).Add_(dw * (1 - Beta1)); V.Mul_(Beta2).Add_(dw.Square() * (1 - Beta2)); var mHat = M / (1 - Math.Pow(Beta1, T)); var vHat = V / (1 - Math.Pow(Beta2, T)); return w.Sub_(LearningRate * mHat / (vHat.Sqrt() + Epsilon));",
            // exp of the raw scores: right for small scores, ∞/∞ or 0/0 for a row of large ones.
            ["SoftmaxLoss"] = "var n = scores.Shape[0]; var e = scores.Exp(); var p = e / e.Sum(1, keepDim: true); var oneHot = y.OneHot(scores.Shape[1]).To(scores.DType); return (-(p.Log() * oneHot).Sum().Item() / n, (p - oneHot) / n);",
        };
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("fairness", variant));
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.sgd_momentum"].Tag, Is.EqualTo("passed"), results["a1.sgd_momentum"].Output);
            Assert.That(results["a1.adam"].Tag, Is.EqualTo("passed"), results["a1.adam"].Output);
            Assert.That(results["a1.softmax_loss"].Tag, Is.EqualTo("failed"), "titled 'stable for large scores'");
            Assert.That(results["a1.softmax_loss"].Output, Does.Contain("NaN").Or.Contain("∞").Or.Contain("Infinity"));
        });
    }
}
