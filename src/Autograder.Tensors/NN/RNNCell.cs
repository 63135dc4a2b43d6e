namespace Autograder.Tensors.NN;

/// <summary>An Elman cell: h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh) (or ReLU), as <c>torch.nn.RNNCell</c>.</summary>
public sealed class RNNCell : RecurrentCell
{
    /// <summary>Initializes a new instance of the <see cref="RNNCell"/> class.</summary>
    public RNNCell(int inputSize, int hiddenSize, bool bias = true, bool relu = false, Generator? generator = null, DType dtype = DType.Float32)
        : base(inputSize, hiddenSize, 1, bias, generator, dtype) => Relu = relu;

    /// <summary>Gets whether the nonlinearity is ReLU instead of tanh.</summary>
    public bool Relu { get; }

    /// <summary>One step from input x (N, I) and hidden h (N, H); h defaults to zeros.</summary>
    public Tensor Forward(Tensor input, Tensor? hidden = null) =>
        Step(InputProjection(input), hidden ?? Tensor.Zeros([input.Shape[0], HiddenSize], input.DType));

    /// <summary>One step from an already projected input.</summary>
    public Tensor Step(Tensor projectedInput, Tensor hidden)
    {
        var a = projectedInput + HiddenProjection(hidden);
        return Relu ? a.Relu() : a.Tanh();
    }
}
