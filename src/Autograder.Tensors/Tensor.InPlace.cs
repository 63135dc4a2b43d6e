using Autograder.Tensors.Autograd;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors;

/// <summary>In-place operations (PyTorch's trailing-underscore methods). Each bumps the storage version so autograd can detect stale saved tensors.</summary>
public sealed partial class Tensor
{
    /// <summary>Copies <paramref name="source"/> (broadcast, converted) into this tensor's elements.</summary>
    /// <returns>This tensor.</returns>
    public Tensor CopyFrom(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckInPlace("CopyFrom");
        var values = CompareOps.Expanded(source, DType, _shape);
        switch (DType)
        {
            case DType.Float32: StridedCopy.Scatter<float>(values.ContiguousSpan<float>(), Data<float>(), _shape, _strides, Offset); break;
            case DType.Float64: StridedCopy.Scatter<double>(values.ContiguousSpan<double>(), Data<double>(), _shape, _strides, Offset); break;
            case DType.Int64: StridedCopy.Scatter<long>(values.ContiguousSpan<long>(), Data<long>(), _shape, _strides, Offset); break;
            default: StridedCopy.Scatter<bool>(values.ContiguousSpan<bool>(), Data<bool>(), _shape, _strides, Offset); break;
        }

        Storage.BumpVersion();
        return this;
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    /// <returns>This tensor.</returns>
    public Tensor Fill_(double value) => CopyFrom(Scalar(value, DType));

    /// <summary>Sets every element to zero.</summary>
    /// <returns>This tensor.</returns>
    public Tensor Zero_() => Fill_(0);

    /// <summary>this += other (broadcast into this tensor's shape).</summary>
    /// <returns>This tensor.</returns>
    public Tensor Add_(Tensor other) => UpdateInPlace("Add_", BinaryOp.Add, other);

    /// <summary>this += alpha · other.</summary>
    /// <returns>This tensor.</returns>
    public Tensor Add_(Tensor other, double alpha)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsContiguous && other.IsContiguous && other.DType == DType && other.Shape.SequenceEqual(Shape) && DType.IsFloatingPoint())
        {
            // The optimizers' hot path: a fused multiply-add straight into this tensor's storage.
            CheckInPlace("Add_");
            if (DType == DType.Float32)
            {
                Kernels.Elementwise.MultiplyAdd(other.ContiguousSpan<float>(), (float)alpha, ContiguousSpan<float>(), ContiguousSpan<float>());
            }
            else
            {
                Kernels.Elementwise.MultiplyAdd(other.ContiguousSpan<double>(), alpha, ContiguousSpan<double>(), ContiguousSpan<double>());
            }

            Storage.BumpVersion();
            return this;
        }

        return UpdateInPlace("Add_", BinaryOp.Add, WithoutGraph(() => other * alpha));
    }

    /// <summary>this −= other.</summary>
    /// <returns>This tensor.</returns>
    public Tensor Sub_(Tensor other) => UpdateInPlace("Sub_", BinaryOp.Subtract, other);

    /// <summary>this *= other.</summary>
    /// <returns>This tensor.</returns>
    public Tensor Mul_(Tensor other) => UpdateInPlace("Mul_", BinaryOp.Multiply, other);

    /// <summary>this *= value.</summary>
    /// <returns>This tensor.</returns>
    public Tensor Mul_(double value) => Mul_(ScalarLike(value));

    /// <summary>this /= other.</summary>
    /// <returns>This tensor.</returns>
    public Tensor Div_(Tensor other) => UpdateInPlace("Div_", BinaryOp.Divide, other);

    private static Tensor WithoutGraph(Func<Tensor> compute)
    {
        using var scope = GradMode.Disable();
        return compute();
    }

    private Tensor UpdateInPlace(string op, BinaryOp kind, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckInPlace(op);
        if (IsContiguous && DTypes.Promote(DType, other.DType) == DType && DType.IsFloatingPoint()
            && Iteration.Layout.Broadcast(op, Shape, other.Shape).AsSpan().SequenceEqual(Shape))
        {
            // Elementwise kernels read and write index by index, so the destination may alias the left operand.
            BinaryOps.Into(kind, this, other, this);
            Storage.BumpVersion();
            return this;
        }

        var result = BinaryOps.Compute(kind, this, other, op);
        if (!result.Shape.SequenceEqual(Shape))
        {
            ThrowHelper.Shape(op, $"the result shape {ThrowHelper.Dims(result.Shape)} doesn't match the tensor's shape {ThrowHelper.Dims(Shape)}: in-place ops cannot grow a tensor.");
        }

        return CopyFrom(result);
    }

    private void CheckInPlace(string op)
    {
        if (GradMode.IsEnabled && RequiresGrad)
        {
            ThrowHelper.Invalid(op, IsLeaf
                ? "a leaf tensor that requires grad is being used in an in-place operation; wrap the update in 'using (Tensor.NoGrad())'."
                : "in-place operations on tensors inside the autograd graph are not supported; use the out-of-place form (e.g. x = x + y).");
        }
    }
}
