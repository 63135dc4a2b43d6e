using Autograder.Kernels.Normalization;

namespace Autograder.Tensors.Ops;

/// <summary>Softmax and log-softmax over the last dimension on the fused row kernels (no graph): forward and gradient.</summary>
internal static class SoftmaxOps
{
    /// <summary>Whether the fused kernels apply: the last dimension of a non-empty float32 or float64 tensor of at least one dimension.</summary>
    public static bool Applies(Tensor x, int dim) =>
        x.Dim > 0 && dim == x.Dim - 1 && x.NumEl > 0 && x.DType is DType.Float32 or DType.Float64;

    /// <summary>softmax(x) or log-softmax(x) along the last dimension.</summary>
    public static Tensor Forward(Tensor input, bool log)
    {
        var x = StridedCopy.AsContiguous(input);
        var y = Tensor.Uninitialized(input.ShapeArray, input.DType);
        var columns = input.Shape[^1];
        if (input.DType == DType.Float32)
        {
            (log ? (Kernel<float>)Softmax.LogForward : Softmax.Forward)(x.ContiguousSpan<float>(), columns, y.ContiguousSpan<float>());
        }
        else
        {
            (log ? (Kernel<double>)Softmax.LogForward : Softmax.Forward)(x.ContiguousSpan<double>(), columns, y.ContiguousSpan<double>());
        }

        return y;
    }

    /// <summary>The input's gradient from the output's, <paramref name="y"/> the forward result; written over <paramref name="gradOutput"/> when <paramref name="mayOverwrite"/> and it is a contiguous tensor of y's shape and type.</summary>
    public static Tensor Backward(Tensor gradOutput, Tensor y, bool log, bool mayOverwrite)
    {
        var inPlace = mayOverwrite && gradOutput.IsContiguous && gradOutput.DType == y.DType && gradOutput.Shape.SequenceEqual(y.Shape);
        var g = inPlace ? gradOutput
            : gradOutput.DType == y.DType ? StridedCopy.AsContiguous(gradOutput)
            : StridedCopy.Convert(gradOutput, y.DType);
        var dx = inPlace ? gradOutput : Tensor.Uninitialized(y.ShapeArray, y.DType);
        var columns = y.Shape[^1];
        if (y.DType == DType.Float32)
        {
            (log ? (GradientKernel<float>)Softmax.LogBackward : Softmax.Backward)(g.ContiguousSpan<float>(), y.ContiguousSpan<float>(), columns, dx.ContiguousSpan<float>());
        }
        else
        {
            (log ? (GradientKernel<double>)Softmax.LogBackward : Softmax.Backward)(g.ContiguousSpan<double>(), y.ContiguousSpan<double>(), columns, dx.ContiguousSpan<double>());
        }

        return dx;
    }

    private delegate void Kernel<T>(ReadOnlySpan<T> x, int columns, Span<T> y);

    private delegate void GradientKernel<T>(ReadOnlySpan<T> gradient, ReadOnlySpan<T> y, int columns, Span<T> dx);
}
