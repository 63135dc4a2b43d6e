namespace Autograder.Tensors.Autograd.Functions;

/// <summary>
/// Gradient of the element-wise binary cross-entropy −(t log p + (1 − t) log(1 − p)) with respect to p: g (p − t) / max(p (1 − p), 10⁻¹²).
/// </summary>
/// <remarks>
/// Written as one node, as PyTorch's <c>binary_cross_entropy</c> backward is: composed from log and clamp, a saturated probability
/// (p = 1 in float32) gives 0 · ∞ = NaN for the term whose weight is zero, and one NaN gradient ruins every weight.
/// </remarks>
internal sealed class BinaryCrossEntropyBackward : Node
{
    private const double Epsilon = 1e-12;

    public BinaryCrossEntropyBackward(Tensor input, Tensor target)
        : base(input) => Save(input, target);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var (p, t) = (Saved(0), Saved(1));
        return [gradOutput * (p - t) / (p * (1.0 - p)).Clamp(min: Epsilon)];
    }
}
