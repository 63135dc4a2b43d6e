// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A3;

/// <summary>
/// An LSTM caption decoder with additive attention over the image regions (Show, Attend and Tell): at each step the
/// decoder attends over the L regions with its previous hidden state, concatenates the context vector to the embedded
/// previous word, runs one <see cref="LSTMCell"/> step, applies dropout and scores the vocabulary.
/// </summary>
/// <remarks>
/// Declare the layers as fields named <c>_project</c> (Linear F → H, from the regions' mean to h₀), <c>_embed</c>
/// (Embedding V → W), <c>_attention</c> (<see cref="AdditiveAttention"/> F, H → A), <c>_cell</c> (LSTMCell W + F → H),
/// <c>_dropout</c> (Dropout) and <c>_output</c> (Linear H → V), in that order. The LSTM's input is [word vector, context]
/// in that order.
/// </remarks>
public sealed class AttentionDecoder : Module
{
    // TODO: the six layers as fields: _project, _embed, _attention, _cell, _dropout, _output

    /// <summary>Initializes a new instance of the <see cref="AttentionDecoder"/> class (float32; initial weights from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="vocabularySize">V, the number of words.</param>
    /// <param name="featureDim">F, the size of a region's feature.</param>
    /// <param name="wordDim">W, the size of a word vector.</param>
    /// <param name="hiddenDim">H, the size of the LSTM state.</param>
    /// <param name="attentionDim">A, the size of the attention space.</param>
    /// <param name="dropout">The probability of dropping a hidden unit before the output layer, in training.</param>
    public AttentionDecoder(int vocabularySize, int featureDim, int wordDim, int hiddenDim, int attentionDim, double dropout = 0.5)
    {
        throw new NotImplementedException("TODO: create the six layers in the order of the remarks");
    }

    /// <summary>The attention keys of the regions, computed once per batch (see <see cref="AdditiveAttention.Keys"/>).</summary>
    /// <param name="regions">Region features, (N, L, F).</param>
    /// <returns>Keys, (N, L, A).</returns>
    public Tensor Keys(Tensor regions)
    {
        throw new NotImplementedException("TODO: the attention layer's Keys");
    }

    /// <summary>The state before the first word: h₀ = mean over regions of rₗ, projected (W_proj, b_proj); c₀ = 0.</summary>
    /// <param name="regions">Region features, (N, L, F).</param>
    /// <returns>h₀ and c₀, each (N, H).</returns>
    public (Tensor H, Tensor C) Start(Tensor regions)
    {
        throw new NotImplementedException("TODO: Mean(1) of the regions, then _project; Tensor.ZerosLike for the cell state");
    }

    /// <summary>One decoding step: attend with the previous hidden state, LSTM step on [word vector, context], dropout, scores.</summary>
    /// <param name="words">The previous word of each caption, (N) int64.</param>
    /// <param name="state">The LSTM state (h, c), each (N, H).</param>
    /// <param name="regions">Region features, (N, L, F).</param>
    /// <param name="keys">The regions' <see cref="Keys"/>, (N, L, A).</param>
    /// <returns>The step's scores, new state and attention weights.</returns>
    public AttentionStep Step(Tensor words, (Tensor H, Tensor C) state, Tensor regions, Tensor keys)
    {
        throw new NotImplementedException("TODO: _attention.Forward(regions, keys, state.H); Tensor.Cat([_embed(words), context], 1); _cell.Forward; _output of the dropped-out h");
    }

    /// <summary>Teacher forcing: the scores and attention weights at every step when step t reads the true word t.</summary>
    /// <param name="regions">Region features, (N, L, F).</param>
    /// <param name="words">Caption inputs, (N, T) int64, starting with the start word.</param>
    /// <returns>Scores (N, T, V), row t predicting word t + 1, and the attention weights (N, T, L).</returns>
    public (Tensor Scores, Tensor Weights) Forward(Tensor regions, Tensor words)
    {
        throw new NotImplementedException("TODO: Keys once, Start, then Step for t = 0 … T − 1 on words[:, t]; stack scores and weights along dimension 1");
    }

    /// <summary>Greedy captions with the attention weights of each generated word, for exactly <paramref name="maxLength"/> steps.</summary>
    /// <remarks>Runs in evaluation mode without building a graph; the decoder returns to the mode it was in.</remarks>
    /// <param name="regions">Region features, (N, L, F).</param>
    /// <param name="maxLength">The number of words to generate.</param>
    /// <param name="startToken">The start word's index.</param>
    /// <returns>The words, (N, maxLength) int64, and the weights with which each was generated, (N, maxLength, L).</returns>
    public (Tensor Words, Tensor Weights) Sample(Tensor regions, int maxLength, long startToken = 1)
    {
        throw new NotImplementedException("TODO: as LstmDecoder.Sample, with Keys once and each step's weights stacked along dimension 1");
    }
}
