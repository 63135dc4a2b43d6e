// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A6;

/// <summary>
/// An LSTM over a whole sequence written from its own parameters (no <see cref="LSTM"/>): for each step t, with
/// z_· = x_t W_i· + h_{t−1} W_h· + b_·,
/// i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o), c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t).
/// </summary>
/// <remarks>
/// Declare twelve tensor fields in this order, each a leaf that requires grad: for the input gate <c>_weightIi</c> (D, H),
/// <c>_weightHi</c> (H, H) and <c>_biasI</c> (H); then the same three for the forget (<c>f</c>), cell (<c>g</c>) and output
/// (<c>o</c>) gates, so that the parameters are <c>weightIi</c>, <c>weightHi</c>, <c>biasI</c>, <c>weightIf</c>, …,
/// <c>biasO</c>. Initialise the weights with <see cref="Init.XavierUniform"/> and the biases with zeros, as the assignment's
/// <c>init_hidden</c> does. The weights multiply from the right (x W), so W_i· is (D, H), not (H, D).
/// </remarks>
public sealed class NaiveLstm : Module
{
    // TODO: twelve Tensor fields, _weightIi, _weightHi, _biasI, _weightIf, …, _biasO; not readonly, so that To(…) can replace them

    /// <summary>Initializes a new instance of the <see cref="NaiveLstm"/> class (float32, weights from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="inputSize">D, the size of an input.</param>
    /// <param name="hiddenSize">H, the size of the hidden and cell states.</param>
    public NaiveLstm(int inputSize, int hiddenSize)
    {
        throw new NotImplementedException("TODO: per gate, Init.XavierUniform([D, H], D, H) and ([H, H], H, H), and Tensor.Zeros(H), each .RequireGrad()");
    }

    /// <summary>Runs the whole sequence and returns the last step's states.</summary>
    /// <param name="input">x, (N, T, D): batch first.</param>
    /// <param name="initial">h_0 and c_0, each (N, H); zeros when null.</param>
    /// <returns>h_T and c_T, each (N, H).</returns>
    public (Tensor H, Tensor C) Forward(Tensor input, (Tensor H, Tensor C)? initial = null)
    {
        throw new NotImplementedException("TODO: start from zeros (N, H) of the input's dtype; for each t, x = input.Select(1, t); x.MatMul(W_i·) + h.MatMul(W_h·) + b_· per gate; Sigmoid / Tanh");
    }
}
