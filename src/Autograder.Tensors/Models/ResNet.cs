using Autograder.Tensors.NN;

namespace Autograder.Tensors.Models;

/// <summary>
/// A residual network of basic blocks, as torchvision's <c>resnet18</c>: a 7×7 stride-2 convolution, batch norm, ReLU and
/// 3×3 stride-2 max pool; four stages of basic blocks at 64, 128, 256 and 512 channels (each later stage halving the
/// resolution in its first block); global average pooling to 512 features; the final layer <see cref="Fc"/>.
/// </summary>
/// <remarks>
/// Parameter names are torchvision's (<c>conv1.weight</c>, <c>bn1.running_mean</c>, <c>layer2.0.downsample.0.weight</c>,
/// <c>fc.weight</c>), so a state dict moves between the two. <see cref="Fc"/> may be replaced, as <c>model.fc = nn.Linear(512, 2)</c>
/// is in PyTorch's transfer-learning tutorial.
/// </remarks>
public sealed class ResNet : Module<Tensor, Tensor>
{
    /// <summary>The number of features before the final layer.</summary>
    public const int FeatureCount = 512;

    private static readonly int[] Widths = [64, 128, 256, 512];

    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Sequential _layer1;
    private readonly Sequential _layer2;
    private readonly Sequential _layer3;
    private readonly Sequential _layer4;
    private Module<Tensor, Tensor> _fc;

    /// <summary>Creates a network with randomly initialised weights.</summary>
    /// <param name="blocks">Basic blocks per stage: [2, 2, 2, 2] is ResNet-18.</param>
    /// <param name="classes">Outputs of the final linear layer; 0 for none (<see cref="Fc"/> is the identity and the output the 512 features).</param>
    /// <param name="padding">How strided layers pad (see <see cref="ResNetPadding"/>).</param>
    /// <param name="generator">Initialises the weights.</param>
    public ResNet(IReadOnlyList<int> blocks, int classes = 1000, ResNetPadding padding = ResNetPadding.Symmetric, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count != 4 || blocks.Any(b => b < 1))
        {
            throw new ArgumentException($"A ResNet has four stages of at least one block; got [{string.Join(", ", blocks)}].", nameof(blocks));
        }

        Blocks = [.. blocks];
        Padding = padding;
        _conv1 = new Conv2d(3, 64, 7, 2, padding == ResNetPadding.MoreBefore ? 0 : 3, bias: false, generator: generator);
        _bn1 = new BatchNorm2d(64);
        var stages = new Sequential[4];
        for (var s = 0; s < 4; s++)
        {
            stages[s] = new Sequential();
            for (var b = 0; b < blocks[s]; b++)
            {
                var (input, stride) = b > 0 ? (Widths[s], 1) : (s == 0 ? 64 : Widths[s - 1], s == 0 ? 1 : 2);
                stages[s].Add(new BasicBlock(input, Widths[s], stride, padding, generator));
            }
        }

        (_layer1, _layer2, _layer3, _layer4) = (stages[0], stages[1], stages[2], stages[3]);
        _fc = classes > 0 ? new Linear(FeatureCount, classes, generator: generator) : new Identity();
    }

    /// <summary>Gets the blocks per stage.</summary>
    public IReadOnlyList<int> Blocks { get; }

    /// <summary>Gets how the strided layers pad.</summary>
    public ResNetPadding Padding { get; }

    /// <summary>Gets or sets the final layer (replacing it keeps its name, <c>fc</c>).</summary>
    public Module<Tensor, Tensor> Fc
    {
        get => _fc;
        set => _fc = ReplaceModule("fc", value);
    }

    /// <summary>ResNet-18 as torchvision defines it: [2, 2, 2, 2] blocks, symmetric padding.</summary>
    /// <param name="classes">Outputs of the final layer (0 for the features).</param>
    /// <param name="generator">Initialises the weights.</param>
    public static ResNet ResNet18(int classes = 1000, Generator? generator = null) => new([2, 2, 2, 2], classes, ResNetPadding.Symmetric, generator);

    /// <summary>The 512 features of each image: everything but the final layer, (N, 512).</summary>
    /// <param name="input">Images, (N, 3, H, W), preprocessed as the weights expect.</param>
    public Tensor Features(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var x = input;
        if (x.Dim != 4 || x.Shape[1] != 3)
        {
            throw new ArgumentException($"ResNet expects images (N, 3, H, W); got ({string.Join(", ", x.Shape.ToArray())}).", nameof(input));
        }

        var moreBefore = Padding == ResNetPadding.MoreBefore;
        x = _bn1.Call(_conv1.Call(moreBefore ? ResNetPaddingExtensions.PadMoreBefore(x, 3) : x)).Relu();
        x = moreBefore ? ResNetPaddingExtensions.PadMoreBefore(x, 1, double.NegativeInfinity).MaxPool2d(3, 2) : x.MaxPool2d(3, 2, 1);
        x = _layer4.Call(_layer3.Call(_layer2.Call(_layer1.Call(x))));
        return x.AdaptiveAvgPool2d(1, 1).Flatten(1);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => _fc.Call(Features(input));
}
