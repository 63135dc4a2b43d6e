using Autograder.Tensors;

namespace Homework.A3;

/// <summary>
/// An image-captioning model from scratch: the image feature becomes the initial hidden state by an affine projection; the
/// caption's words are embedded and run through the recurrent core (RNN or LSTM); a temporal affine layer scores the
/// vocabulary at every step; the loss is the masked temporal softmax loss.
/// </summary>
/// <remarks>
/// Parameters (float64): W_proj (D, H), b_proj (H), W_embed (V, W), Wx (W, H or 4H), Wh (H, H or 4H), b (H or 4H),
/// W_vocab (H, V), b_vocab (V). Captions are word indices with <see cref="NullToken"/> as padding and every caption
/// starting with <see cref="StartToken"/>.
/// </remarks>
public sealed class CaptioningRnn
{
    /// <summary>Initializes a new instance of the <see cref="CaptioningRnn"/> class with small random weights and zero biases.</summary>
    /// <param name="vocabularySize">V, the number of words.</param>
    /// <param name="inputDim">D, the size of an image feature.</param>
    /// <param name="wordVectorDim">W, the size of a word vector.</param>
    /// <param name="hiddenDim">H, the size of the hidden state.</param>
    /// <param name="cellType">RNN or LSTM.</param>
    /// <param name="generator">Draws the initial weights.</param>
    /// <param name="nullToken">The padding word's index.</param>
    /// <param name="startToken">The index of the word every caption starts with.</param>
    public CaptioningRnn(int vocabularySize, int inputDim, int wordVectorDim, int hiddenDim, CellType cellType, Generator generator, long nullToken = 0, long startToken = 1)
    {
        (CellType, NullToken, StartToken) = (cellType, nullToken, startToken);
        var gates = cellType == CellType.Lstm ? 4 : 1;
        Tensor Randn(int rows, int columns, double scale) => Tensor.Randn(generator, [rows, columns], DType.Float64) * scale;
        Parameters = new Dictionary<string, Tensor>
        {
            ["W_embed"] = Randn(vocabularySize, wordVectorDim, 0.01),
            ["W_proj"] = Randn(inputDim, hiddenDim, 1 / Math.Sqrt(inputDim)),
            ["b_proj"] = Tensor.Zeros([hiddenDim], DType.Float64),
            ["Wx"] = Randn(wordVectorDim, gates * hiddenDim, 1 / Math.Sqrt(wordVectorDim)),
            ["Wh"] = Randn(hiddenDim, gates * hiddenDim, 1 / Math.Sqrt(hiddenDim)),
            ["b"] = Tensor.Zeros([gates * hiddenDim], DType.Float64),
            ["W_vocab"] = Randn(hiddenDim, vocabularySize, 1 / Math.Sqrt(hiddenDim)),
            ["b_vocab"] = Tensor.Zeros([vocabularySize], DType.Float64),
        };
    }

    /// <summary>Gets the recurrent core.</summary>
    public CellType CellType { get; }

    /// <summary>Gets the padding word's index (masked out of the loss).</summary>
    public long NullToken { get; }

    /// <summary>Gets the index of the word every caption starts with.</summary>
    public long StartToken { get; }

    /// <summary>Gets the parameters by name; a solver may replace entries.</summary>
    public IDictionary<string, Tensor> Parameters { get; }

    /// <summary>The training loss of a minibatch and the gradient of every parameter.</summary>
    /// <param name="features">Image features, (N, D).</param>
    /// <param name="captions">Captions, (N, T + 1) int64: the model reads words 0 … T − 1 and predicts words 1 … T; <see cref="NullToken"/> targets are masked out.</param>
    /// <returns>The loss and, for each parameter name, its gradient.</returns>
    public (double Loss, IReadOnlyDictionary<string, Tensor> Gradients) Loss(Tensor features, Tensor captions)
    {
        // BEGIN SOLUTION (hint: inputs are captions[:, :−1], targets captions[:, 1:], mask targets ≠ null; forward: projection, embedding, recurrent core, temporal affine, loss; then every backward in reverse order)
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(captions);
        var p = Parameters;
        var steps = captions.Shape[1] - 1;
        var (input, target) = (captions.Narrow(1, 0, steps), captions.Narrow(1, 1, steps));
        var mask = target.Ne(NullToken);

        var h0 = features.MatMul(p["W_proj"]) + p["b_proj"];
        var (words, embedCache) = TemporalLayers.WordEmbeddingForward(input, p["W_embed"]);
        Tensor hidden, dwords, dh0, dWx, dWh, db;
        IReadOnlyList<RnnStepCache>? rnnCache = null;
        IReadOnlyList<LstmStepCache>? lstmCache = null;
        if (CellType == CellType.Lstm)
        {
            (hidden, lstmCache) = Lstm.Forward(words, h0, p["Wx"], p["Wh"], p["b"]);
        }
        else
        {
            (hidden, rnnCache) = Rnn.Forward(words, h0, p["Wx"], p["Wh"], p["b"]);
        }

        var (scores, affineCache) = TemporalLayers.TemporalAffineForward(hidden, p["W_vocab"], p["b_vocab"]);
        var (loss, dscores) = TemporalLayers.TemporalSoftmaxLoss(scores, target, mask);

        var (dhidden, dWvocab, dbvocab) = TemporalLayers.TemporalAffineBackward(dscores, affineCache);
        (dwords, dh0, dWx, dWh, db) = lstmCache is not null ? Lstm.Backward(dhidden, lstmCache) : Rnn.Backward(dhidden, rnnCache!);
        var dWembed = TemporalLayers.WordEmbeddingBackward(dwords, embedCache);
        var gradients = new Dictionary<string, Tensor>
        {
            ["W_proj"] = features.T.MatMul(dh0),
            ["b_proj"] = dh0.Sum(0),
            ["W_embed"] = dWembed,
            ["Wx"] = dWx,
            ["Wh"] = dWh,
            ["b"] = db,
            ["W_vocab"] = dWvocab,
            ["b_vocab"] = dbvocab,
        };
        return (loss, gradients);
        // END SOLUTION
    }

    /// <summary>Greedy captions: from the projected feature and the start word, feed back the highest-scoring word at each step.</summary>
    /// <param name="features">Image features, (N, D).</param>
    /// <param name="maxLength">How many words to generate (every caption gets exactly this many; cut at the end word when reading them).</param>
    /// <returns>Word indices, (N, maxLength) int64, not including the start word.</returns>
    public Tensor Sample(Tensor features, int maxLength = 30)
    {
        // BEGIN SOLUTION (hint: one recurrent step at a time (RnnStep.Forward or LstmStep.Forward), scores = h W_vocab + b_vocab, the arg-max is the next input)
        ArgumentNullException.ThrowIfNull(features);
        var p = Parameters;
        var n = features.Shape[0];
        var h = features.MatMul(p["W_proj"]) + p["b_proj"];
        var c = Tensor.ZerosLike(h);
        var word = Tensor.Full([n], StartToken, DType.Int64);
        var words = new List<Tensor>();
        for (var t = 0; t < maxLength; t++)
        {
            var x = p["W_embed"].IndexSelect(0, word);
            if (CellType == CellType.Lstm)
            {
                (h, c, _) = LstmStep.Forward(x, h, c, p["Wx"], p["Wh"], p["b"]);
            }
            else
            {
                (h, _) = RnnStep.Forward(x, h, p["Wx"], p["Wh"], p["b"]);
            }

            word = (h.MatMul(p["W_vocab"]) + p["b_vocab"]).ArgMax(1);
            words.Add(word);
        }

        return Tensor.Stack(words, 1);
        // END SOLUTION
    }
}
