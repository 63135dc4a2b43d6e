namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of A @ B: dA = G @ Bᵀ and dB = Aᵀ @ G, summed over broadcast batch dimensions.</summary>
internal sealed class MatMulBackward : Node
{
    public MatMulBackward(Tensor a, Tensor b)
        : base(a, b) => Save(a, b);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        Tensor a = Saved(0), b = Saved(1);
        return
        [
            NeedsGrad(0) ? BroadcastGradient.SumTo(gradOutput.MatMul(b.Transpose(-2, -1)), a.ShapeArray) : null,
            NeedsGrad(1) ? BroadcastGradient.SumTo(a.Transpose(-2, -1).MatMul(gradOutput), b.ShapeArray) : null,
        ];
    }
}
