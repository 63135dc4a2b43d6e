using System.Numerics;
using Autograder.Kernels.Convolution;
using Autograder.Kernels.Gemm;

namespace Autograder.Tensors.Ops;

/// <summary>2-D convolution as im2col + GEMM (no graph). The batch's column matrix is one GEMM operand, so the product is a single large GEMM.</summary>
/// <remarks>
/// Forward: cols (C·KH·KW, N·P) = im2col(X); Y' (F, N·P) = W' (F, C·KH·KW) · cols; Y = Y' permuted to (N, F, OH, OW) + b.
/// Backward: G' = G permuted to (F, N·P); dW' = G' · colsᵀ; dcols = W'ᵀ · G'; dX = col2im(dcols); db = Σ G over (N, OH, OW).
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

    /// <summary>Returns the output (N, F, OH, OW) and the column matrix (kept for backward).</summary>
    public static (Tensor Output, Tensor Columns) Forward(Tensor input, Tensor weight, Tensor? bias, ConvGeometry g)
    {
        var n = input.Shape[0];
        var f = weight.Shape[0];
        var x = StridedCopy.AsContiguous(input);
        var w = weight.IsContiguous ? weight : StridedCopy.Contiguous(weight);
        var columns = Tensor.Uninitialized([g.ColumnRows, n * g.OutPositions], input.DType);
        var product = Tensor.Uninitialized([f, n, g.OutHeight, g.OutWidth], input.DType);
        if (input.DType == DType.Float32)
        {
            Forward<float>(x, w, columns, product, n, f, g);
        }
        else
        {
            Forward<double>(x, w, columns, product, n, f, g);
        }

        // (F, N, P) → (N, F, P) with the bias added in the same pass; the product is then dead and goes back to the pool.
        var output = Tensor.Uninitialized([n, f, g.OutHeight, g.OutWidth], input.DType);
        if (input.DType == DType.Float32)
        {
            ScatterImages<float>(product, bias, output, n, f, g.OutPositions);
        }
        else
        {
            ScatterImages<double>(product, bias, output, n, f, g.OutPositions);
        }

        product.Storage.Release();
        return (output, columns);
    }

    /// <summary>Gradients with respect to input, weight and bias (null where not needed).</summary>
    public static (Tensor? Input, Tensor? Weight, Tensor? Bias) Backward(Tensor gradOutput, int[] inputShape, Tensor weight, Tensor columns, ConvGeometry g, bool needInput, bool needWeight, bool needBias)
    {
        int n = inputShape[0], f = weight.Shape[0];
        var gPrime = StridedCopy.Contiguous(gradOutput.Permute(1, 0, 2, 3).Detach());
        Tensor? gradInput = needInput ? Tensor.Zeros(inputShape, gradOutput.DType) : null;
        Tensor? gradWeight = needWeight ? Tensor.Empty(weight.ShapeArray, gradOutput.DType) : null;
        var w = weight.IsContiguous ? weight : StridedCopy.Contiguous(weight);
        if (gradOutput.DType == DType.Float32)
        {
            Backward<float>(gPrime, w, columns, gradInput, gradWeight, n, f, g);
        }
        else
        {
            Backward<double>(gPrime, w, columns, gradInput, gradWeight, n, f, g);
        }

        var gradBias = needBias ? ReduceOps.Sum(gPrime.Reshape(f, -1).Detach(), 1).Reshape(f).Detach() : null;
        gPrime.Storage.Release();
        return (gradInput, gradWeight, gradBias);
    }

    private static void ScatterImages<T>(Tensor product, Tensor? bias, Tensor output, int n, int f, int positions)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var source = product.ContiguousSpan<T>();
        var destination = output.ContiguousSpan<T>();
        var b = bias is null ? null : StridedCopy.AsContiguous(bias).ToArray<T>();
        for (var image = 0; image < n; image++)
        {
            for (var filter = 0; filter < f; filter++)
            {
                var from = source.Slice(((filter * n) + image) * positions, positions);
                var to = destination.Slice(((image * f) + filter) * positions, positions);
                if (b is null)
                {
                    from.CopyTo(to);
                }
                else
                {
                    Kernels.Elementwise.Map<T, Kernels.Operators.AddOperator<T>>(from, 1, b.AsSpan(filter), 0, to);
                }
            }
        }
    }

    private static void Forward<T>(Tensor x, Tensor w, Tensor columns, Tensor product, int n, int f, ConvGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var cols = columns.ContiguousSpan<T>();
        Im2Col.UnfoldBatch<T>(x.ContiguousSpan<T>(), n, g, cols);
        var positions = n * g.OutPositions;
        Gemm.Multiply(false, false, f, positions, g.ColumnRows, T.One, w.ContiguousSpan<T>(), g.ColumnRows, cols, positions, T.Zero, product.ContiguousSpan<T>(), positions);
    }

    private static void Backward<T>(Tensor gPrime, Tensor w, Tensor columns, Tensor? gradInput, Tensor? gradWeight, int n, int f, ConvGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var positions = n * g.OutPositions;
        var gp = gPrime.ContiguousSpan<T>();
        if (gradWeight is not null)
        {
            Gemm.Multiply(false, true, f, g.ColumnRows, positions, T.One, gp, positions, columns.ContiguousSpan<T>(), positions, T.Zero, gradWeight.ContiguousSpan<T>(), g.ColumnRows);
        }

        if (gradInput is not null)
        {
            var dcolsTensor = Tensor.Uninitialized([g.ColumnRows, positions], gPrime.DType);
            var dcols = dcolsTensor.ContiguousSpan<T>();
            Gemm.Multiply(true, false, g.ColumnRows, positions, f, T.One, w.ContiguousSpan<T>(), g.ColumnRows, gp, positions, T.Zero, dcols, positions);
            Im2Col.FoldBatch<T>(dcols, n, g, gradInput.ContiguousSpan<T>());
            dcolsTensor.Storage.Release();
        }
    }
}
