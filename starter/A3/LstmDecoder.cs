// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A3;

/// <summary>
/// An LSTM caption decoder written with the nn library, as one writes it with PyTorch: the image feature gives the initial
/// hidden state (an affine projection; the cell state starts at zero); each step embeds the previous word, runs one
/// <see cref="LSTMCell"/> step, applies dropout and scores the vocabulary with a linear layer.
/// </summary>
/// <remarks>
/// Declare the layers as fields named <c>_project</c> (Linear F → H), <c>_embed</c> (Embedding V → W), <c>_cell</c>
/// (LSTMCell W → H), <c>_dropout</c> (Dropout) and <c>_output</c> (Linear H → V), in that order, so that the parameters are
/// named <c>project.weight</c>, …, <c>output.bias</c> (the checks load weights by these names).
/// </remarks>
public sealed class LstmDecoder : Module
{
    // TODO: the five layers as fields: _project, _embed, _cell, _dropout, _output

    /// <summary>Initializes a new instance of the <see cref="LstmDecoder"/> class (float32; initial weights from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="vocabularySize">V, the number of words.</param>
    /// <param name="featureDim">F, the size of an image feature.</param>
    /// <param name="wordDim">W, the size of a word vector.</param>
    /// <param name="hiddenDim">H, the size of the LSTM state.</param>
    /// <param name="dropout">The probability of dropping a hidden unit before the output layer, in training.</param>
    public LstmDecoder(int vocabularySize, int featureDim, int wordDim, int hiddenDim, double dropout = 0.5)
    {
        throw new NotImplementedException("TODO: create the five layers in the order of the remarks");
    }

    /// <summary>The state before the first word: h₀ = features W_projᵀ + b_proj, c₀ = 0.</summary>
    /// <param name="features">Image features, (N, F).</param>
    /// <returns>h₀ and c₀, each (N, H).</returns>
    public (Tensor H, Tensor C) Start(Tensor features)
    {
        throw new NotImplementedException("TODO: the projection of the features; Tensor.ZerosLike for the cell state");
    }

    /// <summary>One decoding step: embed the previous words, one LSTM step, dropout, vocabulary scores.</summary>
    /// <param name="words">The previous word of each caption, (N) int64.</param>
    /// <param name="state">The LSTM state (h, c), each (N, H).</param>
    /// <returns>Unnormalised scores over the vocabulary, (N, V), and the new state.</returns>
    public (Tensor Scores, (Tensor H, Tensor C) State) Step(Tensor words, (Tensor H, Tensor C) state)
    {
        throw new NotImplementedException("TODO: _embed, _cell.Forward(x, state), then _output of the dropped-out h");
    }

    /// <summary>Teacher forcing: the scores at every step when step t reads the true word t (not the model's own guess).</summary>
    /// <param name="features">Image features, (N, F).</param>
    /// <param name="words">Caption inputs, (N, T) int64, starting with the start word.</param>
    /// <returns>Scores (N, T, V): row t predicts word t + 1.</returns>
    public Tensor Forward(Tensor features, Tensor words)
    {
        throw new NotImplementedException("TODO: Start, then Step for t = 0 … T − 1 on words[:, t]; Tensor.Stack the scores along dimension 1");
    }

    /// <summary>Greedy captions: from the start word, each step feeds back the highest-scoring word, for exactly <paramref name="maxLength"/> steps.</summary>
    /// <remarks>Runs in evaluation mode (no dropout) without building a graph; the decoder returns to the mode it was in.</remarks>
    /// <param name="features">Image features, (N, F).</param>
    /// <param name="maxLength">The number of words to generate.</param>
    /// <param name="startToken">The start word's index.</param>
    /// <returns>The generated words, (N, maxLength) int64.</returns>
    public Tensor Sample(Tensor features, int maxLength, long startToken = 1)
    {
        throw new NotImplementedException("TODO: remember Training, Eval(), a Tensor.NoGrad() scope; words start as Tensor.Full([N], startToken, DType.Int64); ArgMax(1) of each step's scores; Train(training) at the end");
    }
}
