using Autograder.Tensors.NN;

namespace Autograder.Tensors.Models;

/// <summary>
/// ResNet's basic block: conv 3×3 → batch norm → ReLU → conv 3×3 → batch norm, plus the shortcut (the input, or a 1×1
/// strided conv and batch norm where the block halves the resolution or changes the width), then ReLU. Parameter names
/// as torchvision's (<c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c>, <c>downsample.0</c>, <c>downsample.1</c>).
/// </summary>
public sealed class BasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;
    private readonly Sequential? _downsample;
    private readonly ResNetPadding _padding;

    /// <summary>Creates a block from <paramref name="inChannels"/> to <paramref name="outChannels"/> channels.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="stride">1, or 2 to halve the resolution.</param>
    /// <param name="padding">How the strided convolution pads (see <see cref="ResNetPadding"/>).</param>
    /// <param name="generator">Initialises the weights (He, as torchvision).</param>
    public BasicBlock(int inChannels, int outChannels, int stride, ResNetPadding padding = ResNetPadding.Symmetric, Generator? generator = null)
    {
        Stride = stride;
        _padding = padding;
        var strided = padding == ResNetPadding.MoreBefore && stride > 1;
        _conv1 = new Conv2d(inChannels, outChannels, 3, stride, strided ? 0 : 1, bias: false, generator: generator);
        _bn1 = new BatchNorm2d(outChannels);
        _conv2 = new Conv2d(outChannels, outChannels, 3, 1, 1, bias: false, generator: generator);
        _bn2 = new BatchNorm2d(outChannels);
        if (stride != 1 || inChannels != outChannels)
        {
            _downsample = new Sequential(new Conv2d(inChannels, outChannels, 1, stride, 0, bias: false, generator: generator), new BatchNorm2d(outChannels));
        }
    }

    /// <summary>Gets the first convolution's stride.</summary>
    public int Stride { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var x = input;
        var padded = _padding == ResNetPadding.MoreBefore && Stride > 1 ? ResNetPaddingExtensions.PadMoreBefore(x, 1) : x;
        var main = _bn2.Call(_conv2.Call(_bn1.Call(_conv1.Call(padded)).Relu()));
        var shortcut = _downsample is null ? x : _downsample.Call(x);
        return (main + shortcut).Relu();
    }
}
