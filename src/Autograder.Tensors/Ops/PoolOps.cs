using Autograder.Kernels.Pooling;

namespace Autograder.Tensors.Ops;

/// <summary>2-D pooling over (N, C, H, W) tensors on the pooling kernels (no graph).</summary>
internal static class PoolOps
{
    public static PoolWindow Window(string op, Tensor input, (int H, int W) kernel, (int H, int W) stride, (int H, int W) padding, bool ceilMode)
    {
        if (input.Dim != 4)
        {
            ThrowHelper.Shape(op, $"expected a 4-D input (N, C, H, W); got {ThrowHelper.Dims(input.Shape)}.");
        }

        if (!input.DType.IsFloatingPoint())
        {
            ThrowHelper.DTypeError(op, $"expected a floating-point input; got {input.DType.Name()}.");
        }

        var window = new PoolWindow(input.Shape[2], input.Shape[3], kernel.H, kernel.W, stride.H, stride.W, padding.H, padding.W, ceilMode);
        try
        {
            window.Validate(op);
        }
        catch (ArgumentException e)
        {
            ThrowHelper.Shape(op, $"{e.Message[(op.Length + 2 + ".Forward".Length)..]} (input {ThrowHelper.Dims(input.Shape)}).");
        }

        return window;
    }

    public static (Tensor Output, Tensor Indices) MaxForward(Tensor input, PoolWindow w)
    {
        var x = StridedCopy.AsContiguous(input);
        int planes = input.Shape[0] * input.Shape[1];
        int[] shape = [input.Shape[0], input.Shape[1], w.OutHeight, w.OutWidth];
        var output = Tensor.Uninitialized(shape, input.DType);
        var indices = Tensor.Uninitialized(shape, DType.Int64);
        if (input.DType == DType.Float32)
        {
            MaxPool2d.Forward<float>(x.ContiguousSpan<float>(), planes, w, output.ContiguousSpan<float>(), indices.ContiguousSpan<long>());
        }
        else
        {
            MaxPool2d.Forward<double>(x.ContiguousSpan<double>(), planes, w, output.ContiguousSpan<double>(), indices.ContiguousSpan<long>());
        }

        return (output, indices);
    }

    public static Tensor MaxBackward(Tensor gradOutput, Tensor indices, int[] inputShape, PoolWindow w)
    {
        var g = StridedCopy.AsContiguous(gradOutput);
        var grad = Tensor.Uninitialized(inputShape, gradOutput.DType);
        var planes = inputShape[0] * inputShape[1];
        if (g.DType == DType.Float32)
        {
            MaxPool2d.Backward<float>(g.ContiguousSpan<float>(), indices.ContiguousSpan<long>(), planes, w, grad.ContiguousSpan<float>());
        }
        else
        {
            MaxPool2d.Backward<double>(g.ContiguousSpan<double>(), indices.ContiguousSpan<long>(), planes, w, grad.ContiguousSpan<double>());
        }

        return grad;
    }

    public static Tensor AvgForward(Tensor input, PoolWindow w, bool countIncludePad)
    {
        var x = StridedCopy.AsContiguous(input);
        var planes = input.Shape[0] * input.Shape[1];
        var output = Tensor.Empty([input.Shape[0], input.Shape[1], w.OutHeight, w.OutWidth], input.DType);
        if (input.DType == DType.Float32)
        {
            AvgPool2d.Forward<float>(x.ContiguousSpan<float>(), planes, w, countIncludePad, output.ContiguousSpan<float>());
        }
        else
        {
            AvgPool2d.Forward<double>(x.ContiguousSpan<double>(), planes, w, countIncludePad, output.ContiguousSpan<double>());
        }

        return output;
    }

    public static Tensor AvgBackward(Tensor gradOutput, int[] inputShape, PoolWindow w, bool countIncludePad)
    {
        var g = StridedCopy.AsContiguous(gradOutput);
        var grad = Tensor.Zeros(inputShape, gradOutput.DType);
        var planes = inputShape[0] * inputShape[1];
        if (g.DType == DType.Float32)
        {
            AvgPool2d.Backward<float>(g.ContiguousSpan<float>(), planes, w, countIncludePad, grad.ContiguousSpan<float>());
        }
        else
        {
            AvgPool2d.Backward<double>(g.ContiguousSpan<double>(), planes, w, countIncludePad, grad.ContiguousSpan<double>());
        }

        return grad;
    }

    public static Tensor AdaptiveForward(Tensor input, int outHeight, int outWidth)
    {
        var x = StridedCopy.AsContiguous(input);
        int planes = input.Shape[0] * input.Shape[1], h = input.Shape[2], w = input.Shape[3];
        var output = Tensor.Empty([input.Shape[0], input.Shape[1], outHeight, outWidth], input.DType);
        if (input.DType == DType.Float32)
        {
            AdaptiveAvgPool2d.Forward<float>(x.ContiguousSpan<float>(), planes, h, w, outHeight, outWidth, output.ContiguousSpan<float>());
        }
        else
        {
            AdaptiveAvgPool2d.Forward<double>(x.ContiguousSpan<double>(), planes, h, w, outHeight, outWidth, output.ContiguousSpan<double>());
        }

        return output;
    }

    public static Tensor AdaptiveBackward(Tensor gradOutput, int[] inputShape)
    {
        var g = StridedCopy.AsContiguous(gradOutput);
        var grad = Tensor.Zeros(inputShape, gradOutput.DType);
        int planes = inputShape[0] * inputShape[1], h = inputShape[2], w = inputShape[3], oh = g.Shape[2], ow = g.Shape[3];
        if (g.DType == DType.Float32)
        {
            AdaptiveAvgPool2d.Backward<float>(g.ContiguousSpan<float>(), planes, h, w, oh, ow, grad.ContiguousSpan<float>());
        }
        else
        {
            AdaptiveAvgPool2d.Backward<double>(g.ContiguousSpan<double>(), planes, h, w, oh, ow, grad.ContiguousSpan<double>());
        }

        return grad;
    }
}
