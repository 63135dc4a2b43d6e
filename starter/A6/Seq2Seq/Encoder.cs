// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A6;

/// <summary>
/// The Seq2Seq encoder: source word ids → embedding → dropout → a one-layer RNN or LSTM (batch first); its outputs at every
/// position, and its final hidden state passed through Linear → ReLU → Linear → tanh to the decoder's hidden size.
/// </summary>
/// <remarks>
/// Declare the fields <c>_embedding</c> (<see cref="Embedding"/>), <c>_recurrent</c> (an <see cref="RNN"/> or an
/// <see cref="LSTM"/>, as the constructor's <c>cell</c> says, typed <see cref="Module"/>), <c>_linear1</c>, <c>_linear2</c> and
/// <c>_dropout</c>, in that order, so that the parameters are <c>embedding.weight</c>, <c>recurrent.weight_ih_l0</c>, …,
/// <c>linear2.bias</c>. An LSTM's cell state goes to the decoder unchanged (so with an LSTM the two hidden sizes are equal).
/// </remarks>
public sealed class Encoder : Module
{
    // TODO: five fields, _embedding, _recurrent (typed Module), _linear1, _linear2, _dropout

    /// <summary>Initializes a new instance of the <see cref="Encoder"/> class (float32, weights from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="inputSize">The source vocabulary's size.</param>
    /// <param name="embeddingSize">E, the size of a word embedding.</param>
    /// <param name="encoderHiddenSize">The size of the encoder's recurrent state.</param>
    /// <param name="decoderHiddenSize">The size of the decoder's recurrent state, which the final state is mapped to.</param>
    /// <param name="dropout">The dropout probability after the embedding.</param>
    /// <param name="cell">Which recurrent layer to use.</param>
    public Encoder(int inputSize, int embeddingSize, int encoderHiddenSize, int decoderHiddenSize, double dropout = 0.2, CellKind cell = CellKind.Rnn)
    {
        Cell = cell;
        throw new NotImplementedException("TODO: new Embedding(V, E); new RNN(E, encoder hidden, batchFirst: true) or new LSTM(...); Linear encoder → encoder hidden, Linear encoder → decoder hidden; new Dropout(p)");
    }

    /// <summary>Gets which recurrent layer the encoder uses.</summary>
    public CellKind Cell { get; }

    /// <summary>Encodes a batch of source sentences.</summary>
    /// <param name="source">Word ids, (N, S) int64.</param>
    /// <returns>The recurrent layer's outputs, (N, S, encoder hidden); the decoder's initial state, h (1, N, decoder hidden) and, for an LSTM, the encoder's c unchanged.</returns>
    public (Tensor Outputs, RecurrentState Hidden) Forward(Tensor source)
    {
        throw new NotImplementedException("TODO: _dropout.Call(_embedding.Call(source)); switch on _recurrent: RNN's Forward gives (Output, H), LSTM's (Output, (H, C)); h → _linear1 → Relu → _linear2 → Tanh");
    }
}
