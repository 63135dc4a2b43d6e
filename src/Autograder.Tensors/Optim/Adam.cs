namespace Autograder.Tensors.Optim;

/// <summary>Adam, and AdamW with decoupled weight decay, as <c>torch.optim.Adam</c> / <c>AdamW</c>.</summary>
/// <remarks>
/// m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; p ← p − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε).
/// Adam adds λp to g; AdamW instead multiplies p by (1 − ηλ) before the step.
/// </remarks>
public class Adam : Optimizer
{
    /// <summary>Initializes a new instance of the <see cref="Adam"/> class over one group.</summary>
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : this([new ParamGroup(parameters, lr, weightDecay)], beta1, beta2, eps)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="Adam"/> class over several groups.</summary>
    public Adam(IEnumerable<ParamGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
        : base(groups) => (Beta1, Beta2, Eps) = (beta1, beta2, eps);

    /// <summary>Gets β₁.</summary>
    public double Beta1 { get; }

    /// <summary>Gets β₂.</summary>
    public double Beta2 { get; }

    /// <summary>Gets ε.</summary>
    public double Eps { get; }

    /// <summary>Gets whether weight decay is decoupled (AdamW).</summary>
    protected virtual bool DecoupledWeightDecay => false;

    /// <inheritdoc/>
    protected override void Update(ParamGroup group, Tensor parameter, Tensor gradient, Dictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(state);
        var g = gradient;
        if (group.WeightDecay != 0)
        {
            if (DecoupledWeightDecay)
            {
                parameter.Mul_(1 - (group.LearningRate * group.WeightDecay));
            }
            else
            {
                g = g + (parameter * group.WeightDecay);
            }
        }

        if (!state.TryGetValue("exp_avg", out var m))
        {
            state["exp_avg"] = m = Tensor.ZerosLike(parameter);
            state["exp_avg_sq"] = Tensor.ZerosLike(parameter);
            state["step"] = Tensor.Scalar(0, DType.Int64);
        }

        var v = state["exp_avg_sq"];
        var step = (long)state["step"].Item() + 1;
        state["step"] = Tensor.Scalar(step, DType.Int64);
        m.Mul_(Beta1).Add_(g, 1 - Beta1);
        v.Mul_(Beta2).Add_(g.Square(), 1 - Beta2);
        var correction1 = 1 - Math.Pow(Beta1, step);
        var correction2 = 1 - Math.Pow(Beta2, step);
        var denominator = (v / correction2).Sqrt() + Eps;
        parameter.Add_(m / denominator, -group.LearningRate / correction1);
    }
}
