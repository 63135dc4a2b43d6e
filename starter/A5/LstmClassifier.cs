// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A5;

/// <summary>
/// Model 5: embeddings initialised from GloVe (and trained) → a one-layer LSTM over the words (batch first) → Linear(H, 1) on
/// the hidden state at each sentence's last real word → sigmoid.
/// </summary>
/// <remarks>
/// Declare the layers as fields named <c>_embed</c> (an <see cref="Embedding"/> whose padding id is
/// <see cref="SentenceClassifier.PaddingId"/>), <c>_lstm</c> (<see cref="LSTM"/>) and <c>_linear</c>, so that the parameters are
/// <c>embed.weight</c>, <c>lstm.weight_ih_l0</c>, …, <c>linear.bias</c>. Given the lengths, the LSTM skips the padding as
/// a packed sequence does (its outputs there are zeros) and runs about twice as fast on SST-2; without them it runs over the
/// padding too. Either way, only the state at the last real word is read, and it is the same.
/// </remarks>
public sealed class LstmClassifier : SentenceClassifier
{
    // TODO: three fields, _embed, _lstm and _linear

    /// <summary>Initializes a new instance of the <see cref="LstmClassifier"/> class (float32; the LSTM's and the linear layer's weights from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="pretrained">The initial embedding table, (V, D), e.g. from <see cref="GloveEmbeddings.Table"/>; it goes on learning.</param>
    /// <param name="hiddenDim">H, the size of the LSTM's state.</param>
    public LstmClassifier(Tensor pretrained, int hiddenDim)
    {
        throw new NotImplementedException("TODO: Embedding.FromPretrained(..., freeze: false, paddingIdx: ...); new LSTM(D, H, batchFirst: true); Linear from H to 1");
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor tokens, Tensor lengths)
    {
        throw new NotImplementedException("TODO: _lstm.Forward(embedded, lengths: lengths).Output is (N, T, H); SequencePooling.LastRealToken; _linear.Call, Squeeze(1), Sigmoid()");
    }
}
