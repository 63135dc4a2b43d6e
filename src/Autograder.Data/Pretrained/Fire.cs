using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Autograder.Data.Pretrained;

/// <summary>SqueezeNet's fire module: squeeze 1×1 → ReLU, then [expand 1×1 → ReLU ‖ expand 3×3 (pad 1) → ReLU] joined on channels.</summary>
public sealed class Fire : Module<Tensor, Tensor>
{
    private readonly Conv2d _squeeze;
    private readonly Conv2d _expand1x1;
    private readonly Conv2d _expand3x3;

    /// <summary>Initializes a new instance of the <see cref="Fire"/> class.</summary>
    public Fire(int inChannels, int squeezeChannels, int expand1x1Channels, int expand3x3Channels)
    {
        _squeeze = RegisterModule("squeeze1x1", new Conv2d(inChannels, squeezeChannels, 1));
        _expand1x1 = RegisterModule("expand1x1", new Conv2d(squeezeChannels, expand1x1Channels, 1));
        _expand3x3 = RegisterModule("expand3x3", new Conv2d(squeezeChannels, expand3x3Channels, 3, padding: 1));
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var squeezed = _squeeze.Call(input).Relu();
        return Tensor.Cat([_expand1x1.Call(squeezed).Relu(), _expand3x3.Call(squeezed).Relu()], 1);
    }
}
