namespace Autograder.Tensors.Optim;

/// <summary>Stochastic gradient descent with momentum, dampening, Nesterov momentum and weight decay, as <c>torch.optim.SGD</c>.</summary>
/// <remarks>d = g + λp; b = d (first step) or μb + (1 − τ)d; d = d + μb (Nesterov) or b; p ← p − η d.</remarks>
public sealed class SGD : Optimizer
{
    /// <summary>Initializes a new instance of the <see cref="SGD"/> class over one group.</summary>
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : this([new ParamGroup(parameters, lr, weightDecay)], momentum, dampening, nesterov)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SGD"/> class over several groups.</summary>
    public SGD(IEnumerable<ParamGroup> groups, double momentum = 0, double dampening = 0, bool nesterov = false)
        : base(groups)
    {
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            ThrowHelper.Invalid("SGD", "Nesterov momentum requires a momentum and zero dampening.");
        }

        (Momentum, Dampening, Nesterov) = (momentum, dampening, nesterov);
    }

    /// <summary>Gets the momentum factor μ.</summary>
    public double Momentum { get; }

    /// <summary>Gets the dampening τ.</summary>
    public double Dampening { get; }

    /// <summary>Gets whether the update uses Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    protected override void Update(ParamGroup group, Tensor parameter, Tensor gradient, Dictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(state);
        if (Momentum != 0 && state.TryGetValue("momentum_buffer", out var existing) && FusedStep(group, parameter, gradient, existing))
        {
            return;
        }

        var d = group.WeightDecay != 0 ? gradient + (parameter * group.WeightDecay) : gradient;
        if (Momentum != 0)
        {
            if (state.TryGetValue("momentum_buffer", out var buffer))
            {
                buffer.Mul_(Momentum).Add_(d, 1 - Dampening);
            }
            else
            {
                state["momentum_buffer"] = buffer = d.Clone();
            }

            d = Nesterov ? d + (buffer * Momentum) : buffer;
        }

        parameter.Add_(d, -group.LearningRate);
    }

    /// <summary>The usual case in one pass over contiguous tensors of one dtype (<see cref="Kernels.Optimizers.SgdUpdate"/>); false leaves it to the tensor expressions.</summary>
    private bool FusedStep(ParamGroup group, Tensor parameter, Tensor gradient, Tensor buffer)
    {
        if (!parameter.IsContiguous || !gradient.IsContiguous || !buffer.IsContiguous
            || gradient.DType != parameter.DType || buffer.DType != parameter.DType
            || !gradient.Shape.SequenceEqual(parameter.Shape) || !buffer.Shape.SequenceEqual(parameter.Shape))
        {
            return false;
        }

        if (parameter.DType == DType.Float32)
        {
            Kernels.Optimizers.SgdUpdate.Momentum(
                parameter.ContiguousSpan<float>(), gradient.ContiguousSpan<float>(), buffer.ContiguousSpan<float>(),
                (float)group.LearningRate, (float)Momentum, (float)(1 - Dampening), (float)group.WeightDecay, Nesterov);
        }
        else
        {
            Kernels.Optimizers.SgdUpdate.Momentum(
                parameter.ContiguousSpan<double>(), gradient.ContiguousSpan<double>(), buffer.ContiguousSpan<double>(),
                group.LearningRate, Momentum, 1 - Dampening, group.WeightDecay, Nesterov);
        }

        parameter.Storage.BumpVersion();
        buffer.Storage.BumpVersion();
        return true;
    }
}
