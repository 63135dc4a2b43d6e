namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of softmax: y ⊙ (g − Σ(g ⊙ y)) along the dimension (fused over the last one, written over g when the engine allows it).</summary>
internal sealed class SoftmaxBackward : Node
{
    private readonly int _dim;

    public SoftmaxBackward(Tensor input, Tensor result, int dim)
        : base(input)
    {
        _dim = dim;
        Save(result.Detach());
    }

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var y = Saved(0);
        return Ops.SoftmaxOps.Applies(y, _dim)
            ? [Ops.SoftmaxOps.Backward(gradOutput, y, log: false, MayOverwriteGradOutput)]
            : [y * (gradOutput - (gradOutput * y).Sum(_dim, keepDim: true))];
    }
}
