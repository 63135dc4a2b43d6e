using Autograder.Kernels.Convolution;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of conv2d: dW = Σ G'·colsᵀ, dX = col2im(W'ᵀ·G'), db = Σ G (the column matrix is recomputed chunk by chunk).</summary>
internal sealed class Conv2dBackward : Node
{
    private readonly ConvGeometry _geometry;

    public Conv2dBackward(Tensor input, Tensor weight, Tensor? bias, ConvGeometry geometry)
        : base(input, weight, bias)
    {
        _geometry = geometry;
        Save(input, weight);
    }

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var (dx, dw, db) = ConvOps.Backward(gradOutput, Saved(0), Saved(1), _geometry, NeedsGrad(0), NeedsGrad(1), Inputs.Length > 2 && NeedsGrad(2));
        return [dx, dw, db];
    }
}
