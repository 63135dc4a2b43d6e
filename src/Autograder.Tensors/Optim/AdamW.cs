namespace Autograder.Tensors.Optim;

/// <summary>Adam with decoupled weight decay (default λ = 0.01), as <c>torch.optim.AdamW</c>.</summary>
public sealed class AdamW : Adam
{
    /// <summary>Initializes a new instance of the <see cref="AdamW"/> class over one group.</summary>
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 1e-2)
        : base(parameters, lr, beta1, beta2, eps, weightDecay)
    {
    }

    /// <inheritdoc/>
    protected override bool DecoupledWeightDecay => true;
}
