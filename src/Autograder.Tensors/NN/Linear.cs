namespace Autograder.Tensors.NN;

/// <summary>y = x Wᵀ + b, with W of shape (out, in), as <c>torch.nn.Linear</c>.</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    private readonly Holder _weight;
    private readonly Holder? _bias;

    /// <summary>Initializes a new instance of the <see cref="Linear"/> class with PyTorch's initialisation.</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true, Generator? generator = null, DType dtype = DType.Float32)
    {
        (InFeatures, OutFeatures) = (inFeatures, outFeatures);
        _weight = RegisterParameter("weight", Init.FanInUniform([outFeatures, inFeatures], inFeatures, generator, dtype));
        _bias = bias ? RegisterParameter("bias", Init.FanInUniform([outFeatures], inFeatures, generator, dtype)) : null;
    }

    /// <summary>Gets the number of input features.</summary>
    public int InFeatures { get; }

    /// <summary>Gets the number of output features.</summary>
    public int OutFeatures { get; }

    /// <summary>Gets the weight, (out, in).</summary>
    public Tensor Weight => _weight.Value;

    /// <summary>Gets the bias, (out), or null.</summary>
    public Tensor? Bias => _bias?.Value;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim == 0 || input.Shape[^1] != InFeatures)
        {
            ThrowHelper.Shape("Linear", $"the input's last dimension must be in_features={InFeatures}; got input of shape {ThrowHelper.Dims(input.Shape)}.");
        }

        var y = input.MatMul(Weight.T);
        return Bias is null ? y : y + Bias;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"in_features={InFeatures}, out_features={OutFeatures}, bias={(Bias is null ? "False" : "True")}";
}
