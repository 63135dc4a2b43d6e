// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A2;

/// <summary>The theory questions that can be graded automatically: answer in code (written answers go into the write-up).</summary>
public static class Answers
{
    /// <summary>
    /// The number of trainable parameters (weights and biases) of this CNN on 28×28×3 images: a convolution with 8 kernels
    /// of 5×5×3, stride 1, no padding; a 4×4 max-pool with stride 2; a linear layer to 10 outputs.
    /// </summary>
    public static long ConvNetParameterCount()
    {
        throw new NotImplementedException("TODO: conv: kernels × (weights per kernel + 1 bias); its output is 24×24×8, the pool's ⌊(24 − 4) / 2⌋ + 1 on each side; then the linear layer's weights and biases");
    }

    /// <summary>The number of trainable parameters of the fully-connected alternative on the same images: 28·28·3 inputs → 100 hidden units → 10 outputs.</summary>
    public static long FullyConnectedParameterCount()
    {
        throw new NotImplementedException("TODO: each layer has inputs × outputs weights and one bias per output");
    }

    /// <summary>
    /// One self-attention head with query and key weights W_Q, W_K ∈ R^{n×d} turns inputs X ∈ R^{T×n} into the attention
    /// probabilities P = Softmax(X W_Q (X W_K)ᵀ / √d), the softmax taken over each row. Return A ∈ R^{n×n} such that
    /// P = Softmax(X A Xᵀ) for every X.
    /// </summary>
    /// <param name="wq">W_Q, (n, d).</param>
    /// <param name="wk">W_K, (n, d).</param>
    /// <returns>A, (n, n): its rank is at most d, and W_Q B, W_K B⁻ᵀ give the same A for any invertible B.</returns>
    public static Tensor AttentionBilinearForm(Tensor wq, Tensor wk)
    {
        throw new NotImplementedException("TODO: X W_Q (X W_K)ᵀ = X (W_Q W_Kᵀ) Xᵀ");
    }
}
