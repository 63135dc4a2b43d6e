using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A6;

/// <summary>
/// A one-layer Transformer encoder used as a translator, position by position: word + position embeddings → multi-head
/// self-attention with a residual connection and LayerNorm → a position-wise feed-forward network with a residual
/// connection and LayerNorm → a linear layer to scores over the target vocabulary.
/// </summary>
/// <remarks>
/// Declare the fields <c>_embedding</c> (source words → hidden), <c>_positionEmbedding</c> (positions 0 … max length − 1 →
/// hidden), <c>_heads</c> (given), <c>_headProjection</c> (heads × d_v → hidden), <c>_normMh</c> (<see cref="LayerNorm"/>),
/// <c>_feedforward1</c> (hidden → feed-forward size), <c>_feedforward2</c> (back to hidden), <c>_normFf</c> and
/// <c>_finalLayer</c> (hidden → target vocabulary), in that order.
/// </remarks>
public sealed class TransformerTranslator : Module
{
    // BEGIN SOLUTION REMOVE (hint: two fields, _embedding and _positionEmbedding)
    private readonly Embedding _embedding;
    private readonly Embedding _positionEmbedding;

    // END SOLUTION
    private readonly Sequential _heads;

    // BEGIN SOLUTION REMOVE (hint: six fields, _headProjection, _normMh, _feedforward1, _feedforward2, _normFf, _finalLayer)
    private readonly Linear _headProjection;
    private readonly LayerNorm _normMh;
    private readonly Linear _feedforward1;
    private readonly Linear _feedforward2;
    private readonly LayerNorm _normFf;
    private readonly Linear _finalLayer;

    // END SOLUTION

    /// <summary>Initializes a new instance of the <see cref="TransformerTranslator"/> class (float32, weights from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="inputSize">The source vocabulary's size.</param>
    /// <param name="outputSize">The target vocabulary's size.</param>
    /// <param name="hiddenSize">The size of each position's hidden state (the embeddings' size).</param>
    /// <param name="heads">The number of attention heads.</param>
    /// <param name="feedforwardSize">The feed-forward network's inner size.</param>
    /// <param name="keySize">d_k, the size of a query and of a key.</param>
    /// <param name="valueSize">d_v, the size of a value.</param>
    /// <param name="maxLength">The longest sentence, the number of position embeddings.</param>
    public TransformerTranslator(int inputSize, int outputSize, int hiddenSize = 128, int heads = 2, int feedforwardSize = 2048, int keySize = 96, int valueSize = 96, int maxLength = 43)
    {
        _heads = new Sequential([.. Enumerable.Range(0, heads).Select(_ => new AttentionHead(hiddenSize, keySize, valueSize))]);
        // BEGIN SOLUTION (hint: two Embeddings (input size, hidden) and (max length, hidden); Linear(heads × d_v, hidden); LayerNorm(hidden); Linear(hidden, feed-forward size) and back; LayerNorm(hidden); Linear(hidden, output size))
        _embedding = new Embedding(inputSize, hiddenSize);
        _positionEmbedding = new Embedding(maxLength, hiddenSize);
        _headProjection = new Linear(heads * valueSize, hiddenSize);
        _normMh = new LayerNorm(hiddenSize);
        _feedforward1 = new Linear(hiddenSize, feedforwardSize);
        _feedforward2 = new Linear(feedforwardSize, hiddenSize);
        _normFf = new LayerNorm(hiddenSize);
        _finalLayer = new Linear(hiddenSize, outputSize);
        // END SOLUTION
    }

    /// <summary>Gets the attention heads, in order.</summary>
    public IEnumerable<AttentionHead> Heads => _heads.Cast<AttentionHead>();

    /// <summary>Deliverable 1: each word's embedding plus its position's embedding (added, not concatenated).</summary>
    /// <param name="inputs">Source word ids, (N, T) int64, T at most the maximum length.</param>
    /// <returns>(N, T, hidden).</returns>
    public Tensor Embed(Tensor inputs)
    {
        // BEGIN SOLUTION (hint: _embedding.Call(inputs) + _positionEmbedding.Call(Tensor.Arange(T)): (T, hidden) broadcasts over N)
        ArgumentNullException.ThrowIfNull(inputs);
        return _embedding.Call(inputs) + _positionEmbedding.Call(Tensor.Arange(inputs.Shape[1]));
        // END SOLUTION
    }

    /// <summary>Deliverable 2: every head on the same inputs, their outputs side by side, projected back to the hidden size, added to the inputs, then LayerNorm.</summary>
    /// <param name="inputs">(N, T, hidden).</param>
    /// <returns>LayerNorm(inputs + projection([head₁(inputs), …, head_h(inputs)])), (N, T, hidden).</returns>
    public Tensor MultiHeadAttention(Tensor inputs)
    {
        // BEGIN SOLUTION (hint: Tensor.Cat of each head's Call(inputs) on dimension 2 (Heads, in order); _headProjection; _normMh.Call(inputs + …))
        var concatenated = Tensor.Cat([.. Heads.Select(head => head.Call(inputs))], 2);
        return _normMh.Call(inputs + _headProjection.Call(concatenated));
        // END SOLUTION
    }

    /// <summary>Deliverable 3: the same two-layer network at every position, added to its input, then LayerNorm.</summary>
    /// <param name="inputs">(N, T, hidden).</param>
    /// <returns>LayerNorm(inputs + Linear₂(ReLU(Linear₁(inputs)))), (N, T, hidden).</returns>
    public Tensor FeedForward(Tensor inputs)
    {
        // BEGIN SOLUTION (hint: _feedforward1, Functional.Relu, _feedforward2; _normFf.Call(inputs + …))
        return _normFf.Call(inputs + _feedforward2.Call(Functional.Relu(_feedforward1.Call(inputs))));
        // END SOLUTION
    }

    /// <summary>Deliverable 4: scores over the target vocabulary at every position (no softmax).</summary>
    /// <param name="inputs">(N, T, hidden).</param>
    /// <returns>(N, T, target vocabulary).</returns>
    public Tensor FinalLayer(Tensor inputs)
    {
        // BEGIN SOLUTION (hint: _finalLayer.Call(inputs))
        return _finalLayer.Call(inputs);
        // END SOLUTION
    }

    /// <summary>The whole model: Embed → MultiHeadAttention → FeedForward → FinalLayer.</summary>
    /// <param name="inputs">Source word ids, (N, T) int64.</param>
    /// <returns>Scores, (N, T, target vocabulary): position t scores the target's word t.</returns>
    public Tensor Forward(Tensor inputs)
    {
        // BEGIN SOLUTION (hint: the four deliverables in order)
        return FinalLayer(FeedForward(MultiHeadAttention(Embed(inputs))));
        // END SOLUTION
    }
}
