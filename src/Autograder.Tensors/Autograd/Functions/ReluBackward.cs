namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of max(x, 0): g where the output is positive, 0 elsewhere.</summary>
internal sealed class ReluBackward : Node
{
    public ReluBackward(Tensor x, Tensor result)
        : base(x) => Save(result);

    public override Tensor?[] Apply(Tensor gradOutput) => [Ops.BinaryOps.Compute(Ops.BinaryOp.ReluGradient, gradOutput, Saved(0), Name)];
}
