using Autograder.Kernels.Convolution;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of conv2d through the saved column matrix: dW = G'·colsᵀ, dX = col2im(W'ᵀ·G'), db = Σ G.</summary>
internal sealed class Conv2dBackward : Node
{
    private readonly int[] _inputShape;
    private readonly Tensor _columns;
    private readonly ConvGeometry _geometry;

    public Conv2dBackward(Tensor input, Tensor weight, Tensor? bias, Tensor columns, ConvGeometry geometry)
        : base(input, weight, bias)
    {
        (_inputShape, _columns, _geometry) = (input.ShapeArray, columns, geometry);
        Save(weight);
    }

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var (dx, dw, db) = ConvOps.Backward(gradOutput, _inputShape, Saved(0), _columns, _geometry, NeedsGrad(0), NeedsGrad(1), Inputs.Length > 2 && NeedsGrad(2));
        return [dx, dw, db];
    }
}
