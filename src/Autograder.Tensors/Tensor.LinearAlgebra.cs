using Autograder.Tensors.Autograd.Functions;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors;

/// <summary>Matrix products: matmul with PyTorch's rules for 1-D and batched operands, mm, bmm, dot.</summary>
public sealed partial class Tensor
{
    /// <summary>Matrix product with broadcasting batch dimensions; a 1-D operand is treated as a row (left) or column (right) vector.</summary>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Dim == 0 || other.Dim == 0)
        {
            ThrowHelper.Shape("MatMul", $"both arguments need at least 1 dimension; got {ThrowHelper.Dims(Shape)} and {ThrowHelper.Dims(other.Shape)}.");
        }

        if (Dim == 1 && other.Dim == 1)
        {
            return Unsqueeze(0).MatMul(other.Unsqueeze(1)).Reshape();
        }

        if (Dim == 1)
        {
            return Unsqueeze(0).MatMul(other).Squeeze(-2);
        }

        if (other.Dim == 1)
        {
            return MatMul(other.Unsqueeze(1)).Squeeze(-1);
        }

        return MatMulOps.MatMul(this, other).WithGradFn(() => new MatMulBackward(this, other), this, other);
    }

    /// <summary>The product of two matrices (2-D only).</summary>
    public Tensor Mm(Tensor other)
    {
        if (Dim != 2 || Checked(other).Dim != 2)
        {
            ThrowHelper.Shape("Mm", $"expected two matrices; got {ThrowHelper.Dims(Shape)} and {ThrowHelper.Dims(other.Shape)}.");
        }

        return MatMul(other);
    }

    /// <summary>Batched product of (b, n, m) and (b, m, p) tensors.</summary>
    public Tensor Bmm(Tensor other)
    {
        if (Dim != 3 || Checked(other).Dim != 3 || _shape[0] != other._shape[0])
        {
            ThrowHelper.Shape("Bmm", $"expected (b, n, m) and (b, m, p) with equal b; got {ThrowHelper.Dims(Shape)} and {ThrowHelper.Dims(other.Shape)}.");
        }

        return MatMul(other);
    }

    /// <summary>The dot product of two 1-D tensors.</summary>
    public Tensor Dot(Tensor other)
    {
        if (Dim != 1 || Checked(other).Dim != 1 || NumEl != other.NumEl)
        {
            ThrowHelper.Shape("Dot", $"expected two 1-D tensors of equal length; got {ThrowHelper.Dims(Shape)} and {ThrowHelper.Dims(other.Shape)}.");
        }

        return MatMul(other);
    }
}
