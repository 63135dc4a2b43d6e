namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of log-softmax: g − exp(y) · Σ g along the dimension (fused over the last one, written over g when the engine allows it).</summary>
internal sealed class LogSoftmaxBackward : Node
{
    private readonly int _dim;

    public LogSoftmaxBackward(Tensor input, Tensor result, int dim)
        : base(input)
    {
        _dim = dim;
        Save(result.Detach());
    }

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var y = Saved(0);
        return Ops.SoftmaxOps.Applies(y, _dim)
            ? [Ops.SoftmaxOps.Backward(gradOutput, y, log: true, MayOverwriteGradOutput)]
            : [gradOutput - (y.Exp() * gradOutput.Sum(_dim, keepDim: true))];
    }
}
