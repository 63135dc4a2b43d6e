using System.Numerics;
using Autograder.Kernels.Convolution;
using Autograder.Kernels.Gemm;

namespace Autograder.Tensors.Ops;

/// <summary>2-D convolution as im2col + GEMM (no graph): image by image (<see cref="PerImageConv"/>) when each has at least
/// <see cref="PerImageConv.MinPositions"/> output positions, otherwise over chunks of images sharing one column matrix.</summary>
/// <remarks>
/// The chunked path:
/// Per chunk of images: cols (C·KH·KW, n·P) = im2col(X); Y' (F, n·P) = W' (F, C·KH·KW) · cols; Y = Y' permuted to (n, F, P) + b.
/// Backward per chunk: G' = G permuted to (F, n·P); dW' += G' · colsᵀ (cols recomputed, not kept); dcols = W'ᵀ · G'; dX = col2im(dcols).
/// Chunks bound the scratch buffers (at most <see cref="MaxColumnElements"/> column values), which come from and return to the
/// buffer pool, so a large batch does not touch fresh memory. The chunk size depends on the shapes alone (results do not depend on threads).
/// </remarks>
internal static class ConvOps
{
    public static ConvGeometry Geometry(Tensor input, Tensor weight, (int H, int W) stride, (int H, int W) padding)
    {
        const string Op = "Conv2d";
        if (input.Dim != 4 || weight.Dim != 4)
        {
            ThrowHelper.Shape(Op, $"expected input (N, C, H, W) and weight (F, C, KH, KW); got {ThrowHelper.Dims(input.Shape)} and {ThrowHelper.Dims(weight.Shape)}.");
        }

        if (input.Shape[1] != weight.Shape[1])
        {
            ThrowHelper.Shape(Op, $"the input has {input.Shape[1]} channels but the weight {ThrowHelper.Dims(weight.Shape)} expects {weight.Shape[1]}.");
        }

        if (!input.DType.IsFloatingPoint() || input.DType != weight.DType)
        {
            ThrowHelper.DTypeError(Op, $"expected floating-point input and weight of one dtype; got {input.DType.Name()} and {weight.DType.Name()}.");
        }

        var g = new ConvGeometry(input.Shape[1], input.Shape[2], input.Shape[3], weight.Shape[2], weight.Shape[3], stride.H, stride.W, padding.H, padding.W);
        try
        {
            g.Validate(Op);
        }
        catch (ArgumentException e)
        {
            ThrowHelper.Shape(Op, $"{e.Message["Conv2d: ".Length..]} (input {ThrowHelper.Dims(input.Shape)}, weight {ThrowHelper.Dims(weight.Shape)}).");
        }

        return g;
    }

    /// <summary>The most column-matrix values one chunk may hold (16 MB of float32).</summary>
    private const long MaxColumnElements = 4 << 20;

    /// <summary>Returns the output (N, F, OH, OW).</summary>
    public static Tensor Forward(Tensor input, Tensor weight, Tensor? bias, ConvGeometry g)
    {
        int n = input.Shape[0], f = weight.Shape[0];
        var x = StridedCopy.AsContiguous(input);
        var w = StridedCopy.AsContiguous(weight);
        var output = Tensor.Uninitialized([n, f, g.OutHeight, g.OutWidth], input.DType);
        if (n == 0)
        {
            return output;
        }

        var b = bias is null ? null : StridedCopy.AsContiguous(bias);
        if (g.OutPositions >= PerImageConv.MinPositions)
        {
            if (input.DType == DType.Float32)
            {
                PerImageConv.Forward(x.ContiguousSpan<float>(), w.ContiguousSpan<float>(), b is null ? [] : b.ContiguousSpan<float>(), output.ContiguousSpan<float>(), n, f, g);
            }
            else
            {
                PerImageConv.Forward(x.ContiguousSpan<double>(), w.ContiguousSpan<double>(), b is null ? [] : b.ContiguousSpan<double>(), output.ContiguousSpan<double>(), n, f, g);
            }

            return output;
        }

        var chunk = ChunkSize(g, n);
        var columns = Tensor.Uninitialized([g.ColumnRows, chunk * g.OutPositions], input.DType);
        var product = Tensor.Uninitialized([f, chunk * g.OutPositions], input.DType);
        for (var start = 0; start < n; start += chunk)
        {
            var count = Math.Min(chunk, n - start);
            if (input.DType == DType.Float32)
            {
                ForwardChunk<float>(x, w, b, columns, product, output, start, count, f, g);
            }
            else
            {
                ForwardChunk<double>(x, w, b, columns, product, output, start, count, f, g);
            }
        }

        columns.Storage.Release();
        product.Storage.Release();
        return output;
    }

    /// <summary>Gradients with respect to input, weight and bias (null where not needed).</summary>
    public static (Tensor? Input, Tensor? Weight, Tensor? Bias) Backward(Tensor gradOutput, Tensor input, Tensor weight, ConvGeometry g, bool needInput, bool needWeight, bool needBias)
    {
        int n = input.Shape[0], f = weight.Shape[0];
        var grad = StridedCopy.AsContiguous(gradOutput);
        var x = StridedCopy.AsContiguous(input);
        var w = StridedCopy.AsContiguous(weight);
        var perImage = n > 0 && g.OutPositions >= PerImageConv.MinPositions;
        Tensor? gradInput = !needInput ? null : perImage ? Tensor.Uninitialized(input.ShapeArray, grad.DType) : Tensor.Zeros(input.ShapeArray, grad.DType);
        Tensor? gradWeight = needWeight ? Tensor.Zeros(weight.ShapeArray, grad.DType) : null;
        Tensor? gradBias = null;
        if (perImage && (needInput || needWeight || needBias))
        {
            gradBias = needBias ? Tensor.Zeros([f], grad.DType) : null;
            if (grad.DType == DType.Float32)
            {
                PerImageConv.Backward(grad.ContiguousSpan<float>(), x.ContiguousSpan<float>(), w.ContiguousSpan<float>(), Span<float>(gradInput), Span<float>(gradWeight), Span<float>(gradBias), n, f, g);
            }
            else
            {
                PerImageConv.Backward(grad.ContiguousSpan<double>(), x.ContiguousSpan<double>(), w.ContiguousSpan<double>(), Span<double>(gradInput), Span<double>(gradWeight), Span<double>(gradBias), n, f, g);
            }

            return (gradInput, gradWeight, gradBias);
        }

        if (n > 0 && (needInput || needWeight))
        {
            var chunk = ChunkSize(g, n);
            var columns = Tensor.Uninitialized([g.ColumnRows, chunk * g.OutPositions], grad.DType);
            var gPrime = Tensor.Uninitialized([f, chunk * g.OutPositions], grad.DType);
            for (var start = 0; start < n; start += chunk)
            {
                var count = Math.Min(chunk, n - start);
                if (grad.DType == DType.Float32)
                {
                    BackwardChunk<float>(grad, x, w, columns, gPrime, gradInput, gradWeight, start, count, f, g);
                }
                else
                {
                    BackwardChunk<double>(grad, x, w, columns, gPrime, gradInput, gradWeight, start, count, f, g);
                }
            }

            columns.Storage.Release();
            gPrime.Storage.Release();
        }

        if (needBias)
        {
            var sums = ReduceOps.Sum(grad.Reshape(n, f, g.OutPositions).Detach(), 2);
            gradBias = ReduceOps.Sum(sums, 0).Reshape(f).Detach();
        }

        return (gradInput, gradWeight, gradBias);
    }

    private static Span<T> Span<T>(Tensor? t) => t is null ? [] : t.ContiguousSpan<T>();

    private static int ChunkSize(ConvGeometry g, int n) =>
        (int)Math.Clamp(MaxColumnElements / Math.Max(1L, (long)g.ColumnRows * g.OutPositions), 1, n);

    private static void ForwardChunk<T>(Tensor x, Tensor w, Tensor? bias, Tensor columns, Tensor product, Tensor output, int start, int count, int f, ConvGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var imageSize = g.Channels * g.Height * g.Width;
        var positions = count * g.OutPositions;
        var cols = columns.ContiguousSpan<T>()[..(g.ColumnRows * positions)];
        var prod = product.ContiguousSpan<T>()[..(f * positions)];
        Im2Col.UnfoldBatch<T>(x.ContiguousSpan<T>().Slice(start * imageSize, count * imageSize), count, g, cols);
        Gemm.Multiply(false, false, f, positions, g.ColumnRows, T.One, w.ContiguousSpan<T>(), g.ColumnRows, cols, positions, T.Zero, prod, positions);

        // (F, n, P) → images start..start+n of (N, F, P), adding the bias in the same pass.
        var destination = output.ContiguousSpan<T>();
        var b = bias is null ? [] : bias.ContiguousSpan<T>();
        for (var image = 0; image < count; image++)
        {
            for (var filter = 0; filter < f; filter++)
            {
                var from = prod.Slice(((filter * count) + image) * g.OutPositions, g.OutPositions);
                var to = destination.Slice((((start + image) * f) + filter) * g.OutPositions, g.OutPositions);
                if (!b.IsEmpty)
                {
                    Kernels.Elementwise.Map<T, Kernels.Operators.AddOperator<T>>(from, 1, b.Slice(filter, 1), 0, to);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }
    }

    private static void BackwardChunk<T>(Tensor grad, Tensor x, Tensor w, Tensor columns, Tensor gPrime, Tensor? gradInput, Tensor? gradWeight, int start, int count, int f, ConvGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var imageSize = g.Channels * g.Height * g.Width;
        var positions = count * g.OutPositions;
        var gp = gPrime.ContiguousSpan<T>()[..(f * positions)];
        var source = grad.ContiguousSpan<T>();
        for (var image = 0; image < count; image++)
        {
            for (var filter = 0; filter < f; filter++)
            {
                source.Slice((((start + image) * f) + filter) * g.OutPositions, g.OutPositions)
                    .CopyTo(gp.Slice(((filter * count) + image) * g.OutPositions, g.OutPositions));
            }
        }

        var cols = columns.ContiguousSpan<T>()[..(g.ColumnRows * positions)];
        if (gradWeight is not null)
        {
            Im2Col.UnfoldBatch<T>(x.ContiguousSpan<T>().Slice(start * imageSize, count * imageSize), count, g, cols);
            Gemm.Multiply(false, true, f, g.ColumnRows, positions, T.One, gp, positions, cols, positions, T.One, gradWeight.ContiguousSpan<T>(), g.ColumnRows);
        }

        if (gradInput is not null)
        {
            Gemm.Multiply(true, false, g.ColumnRows, positions, f, T.One, w.ContiguousSpan<T>(), g.ColumnRows, gp, positions, T.Zero, cols, positions);
            Im2Col.FoldBatch<T>(cols, count, g, gradInput.ContiguousSpan<T>().Slice(start * imageSize, count * imageSize));
        }
    }
}
