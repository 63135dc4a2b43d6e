namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of max(x, 0): g where the output is positive, 0 elsewhere; written over g when the engine allows it.</summary>
internal sealed class ReluBackward : Node
{
    public ReluBackward(Tensor x, Tensor result)
        : base(x) => Save(result);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var result = Saved(0);
        if (MayOverwriteGradOutput && gradOutput.DType == result.DType && gradOutput.Shape.SequenceEqual(result.Shape))
        {
            return [Ops.BinaryOps.Into(Ops.BinaryOp.ReluGradient, gradOutput, result, gradOutput)];
        }

        return [Ops.BinaryOps.Compute(Ops.BinaryOp.ReluGradient, gradOutput, result, Name)];
    }
}
