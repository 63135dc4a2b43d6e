namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of log-softmax: g − exp(y) · Σ g along the dimension.</summary>
internal sealed class LogSoftmaxBackward : Node
{
    private readonly int _dim;

    public LogSoftmaxBackward(Tensor input, Tensor result, int dim)
        : base(input)
    {
        _dim = dim;
        Save(result.Detach());
    }

    public override Tensor?[] Apply(Tensor gradOutput) => [gradOutput - (Saved(0).Exp() * gradOutput.Sum(_dim, keepDim: true))];
}
