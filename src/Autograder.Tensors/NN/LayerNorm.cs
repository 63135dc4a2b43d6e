namespace Autograder.Tensors.NN;

/// <summary>Normalises over the trailing dimensions (biased variance), then scales and shifts, as <c>torch.nn.LayerNorm</c>.</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    private readonly Holder _weight;
    private readonly Holder _bias;

    /// <summary>Initializes a new instance of the <see cref="LayerNorm"/> class.</summary>
    public LayerNorm(int[] normalizedShape, double eps = 1e-5, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        (NormalizedShape, Eps) = ((int[])normalizedShape.Clone(), eps);
        _weight = RegisterParameter("weight", Tensor.Ones(normalizedShape, dtype));
        _bias = RegisterParameter("bias", Tensor.Zeros(normalizedShape, dtype));
    }

    /// <summary>Initializes a new instance of the <see cref="LayerNorm"/> class over the last dimension.</summary>
    public LayerNorm(int normalizedSize, double eps = 1e-5, DType dtype = DType.Float32)
        : this([normalizedSize], eps, dtype)
    {
    }

    /// <summary>Gets the trailing shape normalised over.</summary>
    public IReadOnlyList<int> NormalizedShape { get; }

    /// <summary>Gets the value added to the variance.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var k = NormalizedShape.Count;
        if (input.Dim < k || !input.Shape[^k..].SequenceEqual(NormalizedShape.ToArray()))
        {
            ThrowHelper.Shape("LayerNorm", $"the input {ThrowHelper.Dims(input.Shape)} must end with the normalized shape {ThrowHelper.Dims(NormalizedShape.ToArray())}.");
        }

        int[] dims = [.. Enumerable.Range(input.Dim - k, k)];
        var mean = input.Mean(dims, keepDim: true);
        var variance = (input - mean).Square().Mean(dims, keepDim: true);
        return ((input - mean) / (variance + Eps).Sqrt() * _weight.Value) + _bias.Value;
    }
}
