// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A3;

/// <summary>
/// Additive (Bahdanau) attention over image regions: eₗ = vᵀ tanh(W_r rₗ + b_r + W_h h + b_h) + b_v for each region
/// rₗ, weights α = softmax(e) over the L regions, context = Σₗ αₗ rₗ.
/// </summary>
/// <remarks>
/// Declare the layers as fields named <c>_regions</c> (Linear F → A), <c>_hidden</c> (Linear H → A) and <c>_score</c>
/// (Linear A → 1), in that order. The regions' projections W_r rₗ + b_r do not depend on the step: <see cref="Keys"/>
/// computes them once per batch and every step reuses them.
/// </remarks>
public sealed class AdditiveAttention : Module
{
    // TODO: the three layers as fields: _regions, _hidden, _score

    /// <summary>Initializes a new instance of the <see cref="AdditiveAttention"/> class.</summary>
    /// <param name="featureDim">F, the size of a region's feature.</param>
    /// <param name="hiddenDim">H, the size of the decoder's hidden state.</param>
    /// <param name="attentionDim">A, the size of the space the regions and the state are compared in.</param>
    public AdditiveAttention(int featureDim, int hiddenDim, int attentionDim)
    {
        throw new NotImplementedException("TODO: Linear(F, A), Linear(H, A), Linear(A, 1)");
    }

    /// <summary>The regions' projections W_r rₗ + b_r, computed once per batch.</summary>
    /// <param name="regions">Region features, (N, L, F).</param>
    /// <returns>Keys, (N, L, A).</returns>
    public Tensor Keys(Tensor regions)
    {
        throw new NotImplementedException("TODO: _regions applies to the last dimension");
    }

    /// <summary>Attends over the regions given the decoder's state.</summary>
    /// <param name="regions">Region features, (N, L, F).</param>
    /// <param name="keys">Their <see cref="Keys"/>, (N, L, A).</param>
    /// <param name="hidden">The decoder's hidden state, (N, H).</param>
    /// <returns>The context Σₗ αₗ rₗ, (N, F), and the weights α, (N, L): non-negative, summing to one over the regions.</returns>
    public (Tensor Context, Tensor Weights) Forward(Tensor regions, Tensor keys, Tensor hidden)
    {
        throw new NotImplementedException("TODO: keys + _hidden(h) unsqueezed at dimension 1, Tanh, _score, Squeeze(2); Softmax over dimension 1; context by Bmm");
    }
}
