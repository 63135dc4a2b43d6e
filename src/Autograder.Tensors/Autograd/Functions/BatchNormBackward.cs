using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of batch normalisation, fused (see <c>Kernels.Normalization.BatchNorm</c>), with respect to the input, γ and β.</summary>
internal sealed class BatchNormBackward : Node
{
    private readonly NormalizationOps.BatchNormState _state;
    private readonly bool _hasWeight;

    public BatchNormBackward(Tensor input, Tensor? weight, Tensor? bias, NormalizationOps.BatchNormState state)
        : base(input, weight, bias)
    {
        _state = state;
        _hasWeight = weight is not null;
        Save(weight is null ? [input] : [input, weight]);
    }

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var (input, weight) = (Saved(0), _hasWeight ? Saved(1) : null);
        var (dx, dw, db) = NormalizationOps.BatchNormBackward(gradOutput, input, weight, _state, NeedsGrad(0), NeedsGrad(1), NeedsGrad(2));
        return [dx, dw, db];
    }
}
