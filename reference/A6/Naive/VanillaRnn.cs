using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A6;

/// <summary>
/// A vanilla RNN unit built from two linear layers over the input and the previous hidden state side by side:
/// hidden' = tanh(i2h([x, hidden])), output = log-softmax(i2o([x, hidden])), both read from the same concatenation.
/// </summary>
/// <remarks>Declare the layers as fields named <c>_i2h</c> and <c>_i2o</c>, in that order, so that the parameters are <c>i2h.weight</c>, <c>i2h.bias</c>, <c>i2o.weight</c>, <c>i2o.bias</c>.</remarks>
public sealed class VanillaRnn : Module
{
    // BEGIN SOLUTION REMOVE (hint: two fields, _i2h and _i2o)
    private readonly Linear _i2h;
    private readonly Linear _i2o;

    // END SOLUTION

    /// <summary>Initializes a new instance of the <see cref="VanillaRnn"/> class (float32, weights from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="inputSize">D, the size of an input.</param>
    /// <param name="hiddenSize">H, the size of the hidden state.</param>
    /// <param name="outputSize">O, the number of output classes.</param>
    public VanillaRnn(int inputSize, int hiddenSize, int outputSize)
    {
        // BEGIN SOLUTION (hint: two Linear layers, each from D + H features: to H (i2h) and to O (i2o))
        _i2h = new Linear(inputSize + hiddenSize, hiddenSize);
        _i2o = new Linear(inputSize + hiddenSize, outputSize);
        // END SOLUTION
    }

    /// <summary>One step: the output's log-probabilities and the next hidden state.</summary>
    /// <param name="input">x, (N, D).</param>
    /// <param name="hidden">The previous hidden state, (N, H).</param>
    /// <returns>The output, (N, O), log-softmax over O; the next hidden state, (N, H).</returns>
    public (Tensor Output, Tensor Hidden) Forward(Tensor input, Tensor hidden)
    {
        // BEGIN SOLUTION (hint: Tensor.Cat([input, hidden], 1); _i2h.Call(...).Tanh(); Functional.LogSoftmax(_i2o.Call(...), 1))
        var combined = Tensor.Cat([input, hidden], 1);
        return (Functional.LogSoftmax(_i2o.Call(combined), 1), _i2h.Call(combined).Tanh());
        // END SOLUTION
    }
}
