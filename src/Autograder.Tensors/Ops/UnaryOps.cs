using System.Numerics;
using Autograder.Kernels;
using Autograder.Kernels.Operators;

namespace Autograder.Tensors.Ops;

/// <summary>Elementwise functions over tensors (no graph). Integer inputs of transcendental functions become float32, as in PyTorch.</summary>
internal static class UnaryOps
{
    public static Tensor Compute(UnaryOp op, Tensor x)
    {
        var keepsIntegers = op is UnaryOp.Negate or UnaryOp.Abs or UnaryOp.Square or UnaryOp.Relu;
        if (x.DType == DType.Bool || (!keepsIntegers && x.DType == DType.Int64))
        {
            x = StridedCopy.Convert(x, keepsIntegers ? DType.Int64 : DType.Float32);
        }

        x = x.IsContiguous ? x : StridedCopy.Contiguous(x);
        var result = Tensor.Uninitialized(x.ShapeArray, x.DType);
        switch (x.DType)
        {
            case DType.Float32: Dispatch(op, x.ContiguousSpan<float>(), result.ContiguousSpan<float>()); break;
            case DType.Float64: Dispatch(op, x.ContiguousSpan<double>(), result.ContiguousSpan<double>()); break;
            default: DispatchInteger(op, x.ContiguousSpan<long>(), result.ContiguousSpan<long>()); break;
        }

        return result;
    }

    private static void Dispatch<T>(UnaryOp op, ReadOnlySpan<T> x, Span<T> d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case UnaryOp.Negate: Elementwise.Map<T, NegateOperator<T>>(x, d); break;
            case UnaryOp.Abs: Elementwise.Map<T, AbsOperator<T>>(x, d); break;
            case UnaryOp.Square: Elementwise.Map<T, SquareOperator<T>>(x, d); break;
            case UnaryOp.Relu: Elementwise.Map<T, ReluOperator<T>>(x, d); break;
            case UnaryOp.Exp: Elementwise.Map<T, ExpOperator<T>>(x, d); break;
            case UnaryOp.Log: Elementwise.Map<T, LogOperator<T>>(x, d); break;
            case UnaryOp.Sqrt: Elementwise.Map<T, SqrtOperator<T>>(x, d); break;
            case UnaryOp.Tanh: Elementwise.Map<T, TanhOperator<T>>(x, d); break;
            case UnaryOp.Sigmoid: Elementwise.Map<T, SigmoidOperator<T>>(x, d); break;
            case UnaryOp.Sin: Elementwise.Map<T, SinOperator<T>>(x, d); break;
            case UnaryOp.Cos: Elementwise.Map<T, CosOperator<T>>(x, d); break;
            default: Elementwise.Map<T, ReciprocalOperator<T>>(x, d); break;
        }
    }

    private static void DispatchInteger(UnaryOp op, ReadOnlySpan<long> x, Span<long> d)
    {
        switch (op)
        {
            case UnaryOp.Negate: Elementwise.Map<long, NegateOperator<long>>(x, d); break;
            case UnaryOp.Abs: Elementwise.Map<long, AbsOperator<long>>(x, d); break;
            case UnaryOp.Square: Elementwise.Map<long, SquareOperator<long>>(x, d); break;
            default: Elementwise.Map<long, ReluOperator<long>>(x, d); break;
        }
    }
}
