namespace Autograder.Tensors.NN;

/// <summary>2-D convolution (cross-correlation) over (N, C, H, W) inputs, as <c>torch.nn.Conv2d</c>.</summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    private readonly Holder _weight;
    private readonly Holder? _bias;

    /// <summary>Initializes a new instance of the <see cref="Conv2d"/> class with PyTorch's initialisation.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true, Generator? generator = null, DType dtype = DType.Float32)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), bias, generator, dtype)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="Conv2d"/> class with per-axis sizes.</summary>
    public Conv2d(int inChannels, int outChannels, (int H, int W) kernelSize, (int H, int W) stride, (int H, int W) padding, bool bias = true, Generator? generator = null, DType dtype = DType.Float32)
    {
        (InChannels, OutChannels, KernelSize, Stride, Padding) = (inChannels, outChannels, kernelSize, stride, padding);
        var fanIn = inChannels * kernelSize.H * kernelSize.W;
        _weight = RegisterParameter("weight", Init.FanInUniform([outChannels, inChannels, kernelSize.H, kernelSize.W], fanIn, generator, dtype));
        _bias = bias ? RegisterParameter("bias", Init.FanInUniform([outChannels], fanIn, generator, dtype)) : null;
    }

    /// <summary>Gets the input channels.</summary>
    public int InChannels { get; }

    /// <summary>Gets the output channels (filters).</summary>
    public int OutChannels { get; }

    /// <summary>Gets the kernel size.</summary>
    public (int H, int W) KernelSize { get; }

    /// <summary>Gets the stride.</summary>
    public (int H, int W) Stride { get; }

    /// <summary>Gets the zero padding.</summary>
    public (int H, int W) Padding { get; }

    /// <summary>Gets the filters, (out, in, kH, kW).</summary>
    public Tensor Weight => _weight.Value;

    /// <summary>Gets the bias, (out), or null.</summary>
    public Tensor? Bias => _bias?.Value;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Checked(input).Conv2d(Weight, Bias, Stride, Padding);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"{InChannels}, {OutChannels}, kernel_size={KernelSize}, stride={Stride}, padding={Padding}";

    private static Tensor Checked(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input;
    }
}
