namespace Autograder.Tensors.NN;

/// <summary>A GRU cell with PyTorch's gate order (reset, update, new), as <c>torch.nn.GRUCell</c>.</summary>
/// <remarks>r = σ(x_r + h_r), z = σ(x_z + h_z), n = tanh(x_n + r⊙h_n), h' = (1 − z)⊙n + z⊙h (x_·, h_· the projections).</remarks>
public sealed class GRUCell : RecurrentCell
{
    /// <summary>Initializes a new instance of the <see cref="GRUCell"/> class.</summary>
    public GRUCell(int inputSize, int hiddenSize, bool bias = true, Generator? generator = null, DType dtype = DType.Float32)
        : base(inputSize, hiddenSize, 3, bias, generator, dtype)
    {
    }

    /// <summary>One step from input (N, I) and hidden (N, H); the hidden state defaults to zeros.</summary>
    public Tensor Forward(Tensor input, Tensor? hidden = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Step(InputProjection(input), hidden ?? Tensor.Zeros([input.Shape[0], HiddenSize], input.DType));
    }

    /// <summary>One step from an already projected input.</summary>
    public Tensor Step(Tensor projectedInput, Tensor hidden)
    {
        var x = projectedInput.Chunk(3, 1);
        var h = HiddenProjection(hidden).Chunk(3, 1);
        var r = (x[0] + h[0]).Sigmoid();
        var z = (x[1] + h[1]).Sigmoid();
        var n = (x[2] + (r * h[2])).Tanh();
        return ((1.0 - z) * n) + (z * hidden);
    }
}
