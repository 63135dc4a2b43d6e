using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A6;

/// <summary>
/// The Seq2Seq decoder, one word at a time: the previous word's id → embedding → dropout → (with attention: the weighted
/// sum of the encoder's outputs next to the embedded word, through a linear layer back to E) → a one-layer RNN or LSTM →
/// Linear → log-softmax over the target vocabulary.
/// </summary>
/// <remarks>
/// Declare the fields <c>_embedding</c>, <c>_combine</c> (a <see cref="Linear"/> from E + encoder hidden to E, created only
/// with attention; null without), <c>_recurrent</c> (an <see cref="RNN"/> or <see cref="LSTM"/> from E to the decoder's
/// hidden size, batch first, typed <see cref="Module"/>), <c>_linear</c> and <c>_dropout</c>, in that order. Attention
/// compares the decoder's hidden state with every encoder output by cosine similarity, so with attention the encoder's and
/// the decoder's hidden sizes are equal.
/// </remarks>
public sealed class Decoder : Module
{
    // BEGIN SOLUTION REMOVE (hint: five fields, _embedding, _combine (Linear?, null without attention), _recurrent (typed Module), _linear, _dropout)
    private readonly Embedding _embedding;
    private readonly Linear? _combine;
    private readonly Module _recurrent;
    private readonly Linear _linear;
    private readonly Dropout _dropout;

    // END SOLUTION

    /// <summary>Initializes a new instance of the <see cref="Decoder"/> class (float32, weights from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="embeddingSize">E, the size of a word embedding.</param>
    /// <param name="encoderHiddenSize">The size of the encoder's outputs (the attention's values).</param>
    /// <param name="decoderHiddenSize">The size of the decoder's recurrent state.</param>
    /// <param name="outputSize">V, the target vocabulary's size.</param>
    /// <param name="dropout">The dropout probability after the embedding.</param>
    /// <param name="cell">Which recurrent layer to use.</param>
    /// <param name="attention">Whether each step attends to the encoder's outputs.</param>
    public Decoder(int embeddingSize, int encoderHiddenSize, int decoderHiddenSize, int outputSize, double dropout = 0.2, CellKind cell = CellKind.Rnn, bool attention = false)
    {
        Attention = attention;
        // BEGIN SOLUTION (hint: new Embedding(V, E); with attention a Linear(E + encoder hidden, E); an RNN or LSTM from E, batchFirst: true; Linear(decoder hidden, V); Dropout)
        _embedding = new Embedding(outputSize, embeddingSize);
        _combine = attention ? new Linear(embeddingSize + encoderHiddenSize, embeddingSize) : null;
        _recurrent = cell == CellKind.Lstm
            ? new LSTM(embeddingSize, decoderHiddenSize, batchFirst: true)
            : new RNN(embeddingSize, decoderHiddenSize, batchFirst: true);
        _linear = new Linear(decoderHiddenSize, outputSize);
        _dropout = new Dropout(dropout);
        // END SOLUTION
    }

    /// <summary>Gets whether each step attends to the encoder's outputs.</summary>
    public bool Attention { get; }

    /// <summary>
    /// The attention weights of one step: the cosine similarity of the decoder's hidden state with each encoder output,
    /// softmax over the source positions.
    /// </summary>
    /// <param name="hidden">The decoder's hidden state h, (1, N, H).</param>
    /// <param name="encoderOutputs">The encoder's outputs, (N, S, H).</param>
    /// <returns>(N, 1, S), each row summing to one.</returns>
    public static Tensor ComputeAttention(Tensor hidden, Tensor encoderOutputs)
    {
        // BEGIN SOLUTION (hint: hidden.Transpose(0, 1) is (N, 1, H); Functional.CosineSimilarity(that, encoderOutputs, dim: 2) broadcasts to (N, S); Softmax(1); Unsqueeze(1))
        ArgumentNullException.ThrowIfNull(hidden);
        var similarity = Functional.CosineSimilarity(hidden.Transpose(0, 1), encoderOutputs, dim: 2);
        return Functional.Softmax(similarity, 1).Unsqueeze(1);
        // END SOLUTION
    }

    /// <summary>One step of decoding.</summary>
    /// <param name="input">The previous word of each sentence, (N, 1) int64.</param>
    /// <param name="hidden">The recurrent state from the previous step (or from the encoder).</param>
    /// <param name="encoderOutputs">The encoder's outputs, (N, S, H); used only with attention.</param>
    /// <returns>Log-probabilities of the next word, (N, V); the new state.</returns>
    public (Tensor Output, RecurrentState Hidden) Forward(Tensor input, RecurrentState hidden, Tensor? encoderOutputs = null)
    {
        // BEGIN SOLUTION (hint: embed and drop out (N, 1, E); with attention, ComputeAttention(hidden.H, …).Bmm(encoderOutputs) is (N, 1, H): Tensor.Cat with the embedding on dim 2, then _combine; run _recurrent one step from hidden; _linear on output.Select(1, 0); LogSoftmax(…, 1))
        ArgumentNullException.ThrowIfNull(hidden);
        var embedded = _dropout.Call(_embedding.Call(input));
        if (_combine is not null)
        {
            ArgumentNullException.ThrowIfNull(encoderOutputs);
            var context = ComputeAttention(hidden.H, encoderOutputs).Bmm(encoderOutputs);
            embedded = _combine.Call(Tensor.Cat([embedded, context], 2));
        }

        Tensor output;
        RecurrentState state;
        if (_recurrent is LSTM lstm)
        {
            var (o, (h, c)) = lstm.Forward(embedded, (hidden.H, hidden.C ?? Tensor.ZerosLike(hidden.H)));
            (output, state) = (o, new RecurrentState(h, c));
        }
        else
        {
            var (o, h) = ((RNN)_recurrent).Forward(embedded, hidden.H);
            (output, state) = (o, new RecurrentState(h));
        }

        return (Functional.LogSoftmax(_linear.Call(output.Select(1, 0)), 1), state);
        // END SOLUTION
    }
}
