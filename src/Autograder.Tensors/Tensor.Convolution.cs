using Autograder.Tensors.Autograd;
using Autograder.Tensors.Autograd.Functions;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors;

/// <summary>Spatial operations on (N, C, H, W) tensors: conv2d, max/avg/adaptive pooling, constant padding.</summary>
public sealed partial class Tensor
{
    /// <summary>2-D cross-correlation (PyTorch's conv2d) with a (F, C, KH, KW) weight and optional (F) bias.</summary>
    public Tensor Conv2d(Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0) =>
        Conv2d(weight, bias, (stride, stride), (padding, padding));

    /// <summary>2-D cross-correlation with per-axis stride and padding.</summary>
    public Tensor Conv2d(Tensor weight, Tensor? bias, (int H, int W) stride, (int H, int W) padding)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var g = ConvOps.Geometry(this, weight, stride, padding);
        if (bias is not null && (bias.Dim != 1 || bias.Shape[0] != weight.Shape[0]))
        {
            ThrowHelper.Shape("Conv2d", $"the bias must have shape ({weight.Shape[0]},) to match the weight {ThrowHelper.Dims(weight.Shape)}; got {ThrowHelper.Dims(bias.Shape)}.");
        }

        Tensor output;
        using (GradMode.Disable())
        {
            output = ConvOps.Forward(this, weight, bias, g);
        }

        Tensor[] inputs = bias is null ? [this, weight] : [this, weight, bias];
        return output.WithGradFn(() => new Conv2dBackward(this, weight, bias, g), inputs);
    }

    /// <summary>2-D max pooling; the stride defaults to the kernel size.</summary>
    public Tensor MaxPool2d(int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false) =>
        MaxPool2d((kernelSize, kernelSize), (stride ?? kernelSize, stride ?? kernelSize), (padding, padding), ceilMode);

    /// <summary>2-D max pooling with per-axis sizes.</summary>
    public Tensor MaxPool2d((int H, int W) kernelSize, (int H, int W) stride, (int H, int W) padding, bool ceilMode = false)
    {
        var window = PoolOps.Window("MaxPool2d", this, kernelSize, stride, padding, ceilMode);
        var (output, indices) = PoolOps.MaxForward(this, window);
        return output.WithGradFn(() => new MaxPool2dBackward(this, indices, window), this);
    }

    /// <summary>2-D average pooling; the stride defaults to the kernel size.</summary>
    public Tensor AvgPool2d(int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false, bool countIncludePad = true)
    {
        var s = stride ?? kernelSize;
        var window = PoolOps.Window("AvgPool2d", this, (kernelSize, kernelSize), (s, s), (padding, padding), ceilMode);
        return PoolOps.AvgForward(this, window, countIncludePad).WithGradFn(() => new AvgPool2dBackward(this, window, countIncludePad), this);
    }

    /// <summary>Averages each plane down to <paramref name="outputHeight"/>×<paramref name="outputWidth"/> with PyTorch's adaptive windows.</summary>
    public Tensor AdaptiveAvgPool2d(int outputHeight, int outputWidth)
    {
        if (Dim != 4 || !DType.IsFloatingPoint())
        {
            ThrowHelper.Shape("AdaptiveAvgPool2d", $"expected a floating-point 4-D input (N, C, H, W); got {DType.Name()} {ThrowHelper.Dims(Shape)}.");
        }

        return PoolOps.AdaptiveForward(this, outputHeight, outputWidth).WithGradFn(() => new AdaptiveAvgPool2dBackward(this), this);
    }

    /// <summary>Pads the last dimensions with a constant; <paramref name="pads"/> lists (before, after) pairs from the last dimension backwards, as in PyTorch.</summary>
    public Tensor Pad(int[] pads, double value = 0)
    {
        ArgumentNullException.ThrowIfNull(pads);
        if (pads.Length % 2 != 0 || pads.Length / 2 > Dim || pads.Any(p => p < 0))
        {
            ThrowHelper.Shape("Pad", $"pads must be non-negative (before, after) pairs for at most {Dim} dimensions; got [{string.Join(", ", pads)}].");
        }

        var shape = _shape.ToArray();
        for (var i = 0; i < pads.Length / 2; i++)
        {
            shape[Dim - 1 - i] += pads[2 * i] + pads[(2 * i) + 1];
        }

        var result = Full(shape, value, DType);
        using (GradMode.Disable())
        {
            result.PaddedInterior(pads, _shape).CopyFrom(this);
        }

        return result.WithGradFn(() => new PadBackward(this, pads), this);
    }

    /// <summary>The view of a padded tensor that holds the original values.</summary>
    internal Tensor PaddedInterior(int[] pads, ReadOnlySpan<int> originalShape)
    {
        var view = this;
        for (var i = 0; i < pads.Length / 2; i++)
        {
            var d = Dim - 1 - i;
            view = view.Narrow(d, pads[2 * i], originalShape[d]);
        }

        return view;
    }
}
