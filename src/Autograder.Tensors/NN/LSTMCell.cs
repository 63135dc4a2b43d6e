namespace Autograder.Tensors.NN;

/// <summary>An LSTM cell with PyTorch's gate order (input, forget, cell, output), as <c>torch.nn.LSTMCell</c>.</summary>
/// <remarks>
/// A = x W_ihᵀ + b_ih + h W_hhᵀ + b_hh split into (i, f, g, o); c' = σ(f)⊙c + σ(i)⊙tanh(g); h' = σ(o)⊙tanh(c'), the
/// element-wise part fused (<see cref="Functional.LstmCell"/>).
/// </remarks>
public sealed class LSTMCell : RecurrentCell
{
    /// <summary>Initializes a new instance of the <see cref="LSTMCell"/> class.</summary>
    public LSTMCell(int inputSize, int hiddenSize, bool bias = true, Generator? generator = null, DType dtype = DType.Float32)
        : base(inputSize, hiddenSize, 4, bias, generator, dtype)
    {
    }

    /// <summary>One step from input (N, I) and state (h, c), each (N, H); the state defaults to zeros.</summary>
    public (Tensor H, Tensor C) Forward(Tensor input, (Tensor H, Tensor C)? state = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var zeros = Tensor.Zeros([input.Shape[0], HiddenSize], input.DType);
        return Step(InputProjection(input), state ?? (zeros, zeros));
    }

    /// <summary>One step from an already projected input.</summary>
    public (Tensor H, Tensor C) Step(Tensor projectedInput, (Tensor H, Tensor C) state)
    {
        return Functional.LstmCell(projectedInput + HiddenProjection(state.H), state.C);
    }
}
