namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of A @ B: dA = G @ Bᵀ and dB = Aᵀ @ G, summed over broadcast batch dimensions.</summary>
internal sealed class MatMulBackward : Node
{
    public MatMulBackward(Tensor a, Tensor b)
        : base(a, b) => Save(a, b);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        Tensor a = Saved(0), b = Saved(1);
        if (b.Dim == 2 && a.Dim > 2 && NeedsGrad(1))
        {
            // One matrix shared by a stack: dB = Σ_batch Aᵀ G is one product of the stacks laid out as rows.
            var (k, n) = (b.Shape[0], b.Shape[1]);
            return
            [
                NeedsGrad(0) ? gradOutput.MatMul(b.Transpose(-2, -1)) : null,
                a.Reshape(-1, k).Transpose(0, 1).MatMul(gradOutput.Reshape(-1, n)),
            ];
        }

        if (a.Dim == 2 && b.Dim == 2 && b.Strides[0] == 1 && b.Strides[1] != 1 && NeedsGrad(1))
        {
            // B is a transposed view (a linear layer's Wᵀ): dB is computed as (Gᵀ A)ᵀ, so that W's gradient, once the
            // transpose's backward turns it back, is contiguous and lands in W.Grad without a strided copy.
            return
            [
                NeedsGrad(0) ? gradOutput.MatMul(b.Transpose(0, 1)) : null,
                gradOutput.Transpose(0, 1).MatMul(a).Transpose(0, 1),
            ];
        }

        return
        [
            NeedsGrad(0) ? BroadcastGradient.SumTo(gradOutput.MatMul(b.Transpose(-2, -1)), a.ShapeArray) : null,
            NeedsGrad(1) ? BroadcastGradient.SumTo(a.Transpose(-2, -1).MatMul(gradOutput), b.ShapeArray) : null,
        ];
    }
}
