using System.Numerics;
using Autograder.Kernels;
using Autograder.Kernels.Operators;
using Autograder.Tensors.Iteration;

namespace Autograder.Tensors.Ops;

/// <summary>Broadcasting binary arithmetic over strided tensors (no graph): promotes types, then runs a kernel per row.</summary>
internal static class BinaryOps
{
    public static Tensor Compute(BinaryOp op, Tensor a, Tensor b, string opName)
    {
        var dtype = DTypes.Promote(a.DType, b.DType);
        if (dtype == DType.Bool || (op == BinaryOp.Divide && dtype == DType.Int64))
        {
            // PyTorch: arithmetic on bools works on integers; true division of integers gives floats.
            dtype = op == BinaryOp.Divide ? DType.Float32 : DType.Int64;
        }

        a = a.DType == dtype ? a : StridedCopy.Convert(a, dtype);
        b = b.DType == dtype ? b : StridedCopy.Convert(b, dtype);
        var shape = Layout.Broadcast(opName, a.Shape, b.Shape);
        return Into(op, a, b, Tensor.Uninitialized(shape, dtype));
    }

    /// <summary>
    /// Writes a op b into <paramref name="destination"/>, which may alias a (an in-place update): a contiguous
    /// tensor of the broadcast shape and the operands' common dtype.
    /// </summary>
    public static Tensor Into(BinaryOp op, Tensor a, Tensor b, Tensor destination)
    {
        var result = destination;
        var dtype = result.DType;
        a = a.DType == dtype ? a : StridedCopy.Convert(a, dtype);
        b = b.DType == dtype ? b : StridedCopy.Convert(b, dtype);
        switch (dtype)
        {
            case DType.Float32: Dispatch<float>(op, a, b, result); break;
            case DType.Float64: Dispatch<double>(op, a, b, result); break;
            default: DispatchInteger(op, a, b, result); break;
        }

        return result;
    }

    private static void Dispatch<T>(BinaryOp op, Tensor a, Tensor b, Tensor result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case BinaryOp.Add: Run<T, AddOperator<T>>(a, b, result); break;
            case BinaryOp.Subtract: Run<T, SubtractOperator<T>>(a, b, result); break;
            case BinaryOp.Multiply: Run<T, MultiplyOperator<T>>(a, b, result); break;
            case BinaryOp.Divide: Run<T, DivideOperator<T>>(a, b, result); break;
            case BinaryOp.Maximum: Run<T, MaximumOperator<T>>(a, b, result); break;
            case BinaryOp.Minimum: Run<T, MinimumOperator<T>>(a, b, result); break;
            case BinaryOp.ReluGradient: Run<T, ReluGradientOperator<T>>(a, b, result); break;
            default: Run<T, PowOperator<T>>(a, b, result); break;
        }
    }

    private static void DispatchInteger(BinaryOp op, Tensor a, Tensor b, Tensor result)
    {
        switch (op)
        {
            case BinaryOp.Add: Run<long, AddOperator<long>>(a, b, result); break;
            case BinaryOp.Subtract: Run<long, SubtractOperator<long>>(a, b, result); break;
            case BinaryOp.Multiply: Run<long, MultiplyOperator<long>>(a, b, result); break;
            case BinaryOp.Maximum: Run<long, MaximumOperator<long>>(a, b, result); break;
            case BinaryOp.Minimum: Run<long, MinimumOperator<long>>(a, b, result); break;
            case BinaryOp.ReluGradient: Run<long, ReluGradientOperator<long>>(a, b, result); break;
            default: Run<long, IntegerPowOperator>(a, b, result); break;
        }
    }

    /// <summary>Walks the broadcast shape row by row (after merging dimensions) and applies the kernel to each row.</summary>
    private static void Run<T, TOp>(Tensor a, Tensor b, Tensor result)
        where TOp : IBinaryOperator<T>
    {
        var shape = result.Shape;
        var (cShape, cStrides) = Layout.Coalesce(
            shape,
            Layout.BroadcastStrides(a.Shape, a.Strides, shape),
            Layout.BroadcastStrides(b.Shape, b.Strides, shape),
            result.StridesArray);
        var inner = cShape[^1];
        int aInner = cStrides[0][^1], bInner = cStrides[1][^1];
        var aRows = Layout.RowOffsets(cShape, cStrides[0], a.Offset);
        var bRows = Layout.RowOffsets(cShape, cStrides[1], b.Offset);
        T[] aData = a.Data<T>(), bData = b.Data<T>();
        var output = result.ContiguousSpan<T>();
        for (var r = 0; r < aRows.Length; r++)
        {
            Elementwise.Map<T, TOp>(aData.AsSpan(aRows[r]), aInner, bData.AsSpan(bRows[r]), bInner, output.Slice(r * inner, inner));
        }
    }

    /// <summary>Integer power by repeated squaring (negative exponents give 0, as integer division would).</summary>
    private readonly struct IntegerPowOperator : IBinaryOperator<long>
    {
        public static long Invoke(long x, long y)
        {
            if (y < 0)
            {
                return x == 1 ? 1 : x == -1 ? (y % 2 == 0 ? 1 : -1) : 0;
            }

            long result = 1;
            while (y > 0)
            {
                if ((y & 1) != 0)
                {
                    result *= x;
                }

                x *= x;
                y >>= 1;
            }

            return result;
        }

        public static void Invoke(ReadOnlySpan<long> x, ReadOnlySpan<long> y, Span<long> destination)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = Invoke(x[i], y[i]);
            }
        }

        public static void Invoke(ReadOnlySpan<long> x, long y, Span<long> destination)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = Invoke(x[i], y);
            }
        }

        public static void Invoke(long x, ReadOnlySpan<long> y, Span<long> destination)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = Invoke(x, y[i]);
            }
        }
    }
}
