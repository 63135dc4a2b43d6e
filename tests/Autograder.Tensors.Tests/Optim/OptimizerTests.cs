using Autograder.Tensors.Optim;

namespace Autograder.Tensors.Tests.Optim;

/// <summary>Optimizer steps against hand-computed values on f(w) = (w₀ − 1)² + 2(w₁ + 1)², whose gradient is (2(w₀ − 1), 4(w₁ + 1)).</summary>
public sealed class OptimizerTests
{
    private static (double, double) Gradient(double w0, double w1) => (2 * (w0 - 1), 4 * (w1 + 1));

    private static Tensor Loss(Tensor w) => (w[0] - 1.0).Square() + ((w[1] + 1.0).Square() * 2.0);

    private static double[] Run(Func<Tensor, Optimizer> create, int steps)
    {
        var w = Tensor.Zeros([2], DType.Float64).RequireGrad();
        var optimizer = create(w);
        for (var i = 0; i < steps; i++)
        {
            optimizer.ZeroGrad();
            Loss(w).Backward();
            optimizer.Step();
        }

        return w.ToArray<double>();
    }

    [Test]
    public void Sgd_with_momentum_matches_two_hand_computed_steps()
    {
        // Step 1: g = (−2, 4), b = g, w = (0.2, −0.4). Step 2: g = (−1.6, 2.4), b = 0.9·(−2, 4) + g = (−3.4, 6), w = (0.54, −1.0).
        var w = Run(p => new SGD([p], lr: 0.1, momentum: 0.9), 2);
        Assert.That(w, Is.EqualTo(new[] { 0.54, -1.0 }).Within(1e-12).AsCollection);
    }

    [Test]
    public void Sgd_with_nesterov_and_weight_decay_matches_the_formula()
    {
        // d = g + λw; b = d (first step); d = d + μb; w −= η d. From w = 0: d = (−2, 4), w = −0.1·1.5·(−2, 4).
        var w = Run(p => new SGD([p], lr: 0.1, momentum: 0.5, weightDecay: 0.3, nesterov: true), 1);
        Assert.That(w, Is.EqualTo(new[] { 0.3, -0.6 }).Within(1e-12).AsCollection);
    }

    // From the second step on, the update runs as one fused pass (Kernels.Optimizers.SgdUpdate); these follow PyTorch's
    // definition step by step: d = g + λw; b = d on the first step, else b = μb + (1 − τ)d; d = d + μb (Nesterov) or b; w −= ηd.
    [TestCase(0.5, 0.3, 0.0, true)]
    [TestCase(0.9, 0.1, 0.2, false)]
    [TestCase(0.9, 0.0, 0.0, false)]
    public void Sgd_follows_the_definition_for_four_steps(double momentum, double weightDecay, double dampening, bool nesterov)
    {
        double[] w = [0, 0], b = [0, 0];
        for (var step = 0; step < 4; step++)
        {
            var (g0, g1) = Gradient(w[0], w[1]);
            double[] g = [g0, g1];
            for (var i = 0; i < 2; i++)
            {
                var d = g[i] + (weightDecay * w[i]);
                b[i] = step == 0 ? d : (momentum * b[i]) + ((1 - dampening) * d);
                w[i] -= 0.1 * (nesterov ? d + (momentum * b[i]) : b[i]);
            }
        }

        var actual = Run(p => new SGD([p], lr: 0.1, momentum: momentum, dampening: dampening, weightDecay: weightDecay, nesterov: nesterov), 4);
        Assert.That(actual, Is.EqualTo(w).Within(1e-12).AsCollection);
    }

    [Test]
    public void Adam_matches_the_update_rule_for_three_steps()
    {
        double w0 = 0, w1 = 0, m0 = 0, m1 = 0, v0 = 0, v1 = 0;
        const double Lr = 0.1, B1 = 0.9, B2 = 0.999, Eps = 1e-8;
        for (var t = 1; t <= 3; t++)
        {
            var (g0, g1) = Gradient(w0, w1);
            (m0, m1) = ((B1 * m0) + ((1 - B1) * g0), (B1 * m1) + ((1 - B1) * g1));
            (v0, v1) = ((B2 * v0) + ((1 - B2) * g0 * g0), (B2 * v1) + ((1 - B2) * g1 * g1));
            double c1 = 1 - Math.Pow(B1, t), c2 = 1 - Math.Pow(B2, t);
            w0 -= Lr * (m0 / c1) / (Math.Sqrt(v0 / c2) + Eps);
            w1 -= Lr * (m1 / c1) / (Math.Sqrt(v1 / c2) + Eps);
        }

        Assert.That(Run(p => new Adam([p], lr: Lr), 3), Is.EqualTo(new[] { w0, w1 }).Within(1e-12).AsCollection);
        Assert.That(w0, Is.EqualTo(0.3).Within(0.02), "Adam's first steps move each weight by about lr");
    }

    [Test]
    public void AdamW_decays_the_weights_before_the_adam_step()
    {
        // One step from w = (1, 1): g = (0, 8); decay multiplies w by 1 − 0.1·0.5 first; the Adam step moves w₁ by −0.1.
        var w = Tensor.Ones([2], DType.Float64).RequireGrad();
        var optimizer = new AdamW([w], lr: 0.1, weightDecay: 0.5);
        Loss(w).Backward();
        optimizer.Step();
        Assert.That(w.ToArray<double>(), Is.EqualTo(new[] { 0.95, 0.95 - 0.1 }).Within(1e-7).AsCollection);
    }

    [Test]
    public void Schedulers_follow_their_formulas()
    {
        var p = Tensor.Zeros([1], DType.Float64).RequireGrad();
        var sgd = new SGD([p], lr: 1.0);
        var step = new StepLR(sgd, stepSize: 2, gamma: 0.5);
        var rates = new List<double>();
        for (var epoch = 0; epoch < 5; epoch++)
        {
            step.Step();
            rates.Add(sgd.ParamGroups[0].LearningRate);
        }

        Assert.That(rates, Is.EqualTo(new[] { 1.0, 0.5, 0.5, 0.25, 0.25 }));
        var cosine = new CosineAnnealingLR(new SGD([p], lr: 1.0), tMax: 4, etaMin: 0.0);
        cosine.Step();
        cosine.Step();
        Assert.That(cosine.Optimizer.ParamGroups[0].LearningRate, Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Optimizing_a_non_leaf_is_refused()
    {
        var w = Tensor.Ones(2).RequireGrad();
        var error = Assert.Throws<InvalidOperationException>(() => _ = new SGD([w * 2.0], lr: 0.1));
        Assert.That(error!.Message, Does.Contain("leaf"));
    }
}
