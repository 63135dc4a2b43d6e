using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A6;

/// <summary>
/// The whole translator: encode the source sentence, then decode one word at a time from <c>&lt;sos&gt;</c>, each step fed
/// the decoder's own most likely word from the step before (greedy, no teacher forcing).
/// </summary>
/// <remarks>Declare the fields <c>_encoder</c> and <c>_decoder</c>, in that order, so that the parameters are <c>encoder.…</c> then <c>decoder.…</c>.</remarks>
public sealed class Seq2Seq : Module
{
    // BEGIN SOLUTION REMOVE (hint: two fields, _encoder and _decoder)
    private readonly Encoder _encoder;
    private readonly Decoder _decoder;

    // END SOLUTION

    /// <summary>Initializes a new instance of the <see cref="Seq2Seq"/> class.</summary>
    /// <param name="encoder">The encoder.</param>
    /// <param name="decoder">The decoder (with or without attention).</param>
    public Seq2Seq(Encoder encoder, Decoder decoder)
    {
        // BEGIN SOLUTION (hint: keep both)
        _encoder = encoder;
        _decoder = decoder;
        // END SOLUTION
    }

    /// <summary>Translates a batch of source sentences into log-probabilities for each target position after <c>&lt;sos&gt;</c>.</summary>
    /// <param name="source">Source word ids, (N, S) int64; every sentence starts with <see cref="SpecialTokens.Start"/>.</param>
    /// <param name="outputLength">L, the number of words to decode.</param>
    /// <returns>(N, L, V): row t holds the log-probabilities of the target's word t + 1 (word 0 is <c>&lt;sos&gt;</c>).</returns>
    public Tensor Forward(Tensor source, int outputLength)
    {
        // BEGIN SOLUTION (hint: _encoder.Forward(source); the first input is source.Narrow(1, 0, 1), the <sos> column; L times: _decoder.Forward(input, state, outputs), keep the output, next input = its ArgMax(1).Unsqueeze(1); Tensor.Stack(…, 1))
        ArgumentNullException.ThrowIfNull(source);
        var (encoderOutputs, state) = _encoder.Forward(source);
        var input = source.Narrow(1, 0, 1);
        var steps = new List<Tensor>(outputLength);
        for (var t = 0; t < outputLength; t++)
        {
            (var output, state) = _decoder.Forward(input, state, encoderOutputs);
            steps.Add(output);
            input = output.ArgMax(1).Unsqueeze(1);
        }

        return Tensor.Stack(steps, 1);
        // END SOLUTION
    }
}
