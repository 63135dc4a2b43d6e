using Autograder.Tensors.Autograd.Functions;
using Autograder.Tensors.Ops;
using static Autograder.Tensors.Ops.CompareOps;

namespace Autograder.Tensors;

/// <summary>Comparisons (bool results), selection, masking and logical ops.</summary>
public sealed partial class Tensor
{
    /// <summary>this == other elementwise.</summary>
    public Tensor Eq(Tensor other) => Compare(Comparison.Equal, this, Checked(other), "Eq");

    /// <summary>this != other elementwise.</summary>
    public Tensor Ne(Tensor other) => Compare(Comparison.NotEqual, this, Checked(other), "Ne");

    /// <summary>this &lt; other elementwise.</summary>
    public Tensor Lt(Tensor other) => Compare(Comparison.Less, this, Checked(other), "Lt");

    /// <summary>this ≤ other elementwise.</summary>
    public Tensor Le(Tensor other) => Compare(Comparison.LessOrEqual, this, Checked(other), "Le");

    /// <summary>this &gt; other elementwise.</summary>
    public Tensor Gt(Tensor other) => Compare(Comparison.Greater, this, Checked(other), "Gt");

    /// <summary>this ≥ other elementwise.</summary>
    public Tensor Ge(Tensor other) => Compare(Comparison.GreaterOrEqual, this, Checked(other), "Ge");

    /// <summary>this == value elementwise.</summary>
    public Tensor Eq(double value) => Eq(ScalarFor(value));

    /// <summary>this != value elementwise.</summary>
    public Tensor Ne(double value) => Ne(ScalarFor(value));

    /// <summary>this &lt; value elementwise.</summary>
    public Tensor Lt(double value) => Lt(ScalarFor(value));

    /// <summary>this ≤ value elementwise.</summary>
    public Tensor Le(double value) => Le(ScalarFor(value));

    /// <summary>this &gt; value elementwise.</summary>
    public Tensor Gt(double value) => Gt(ScalarFor(value));

    /// <summary>this ≥ value elementwise.</summary>
    public Tensor Ge(double value) => Ge(ScalarFor(value));

    /// <summary>condition ? a : b elementwise, broadcast; gradients flow to the chosen side.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return CompareOps.Where(condition, a, b).WithGradFn(() => new WhereBackward(condition, a, b), a, b);
    }

    /// <summary>Returns a copy with <paramref name="value"/> where <paramref name="mask"/> is true (the mask broadcasts).</summary>
    public Tensor MaskedFill(Tensor mask, double value)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var result = Where(mask, ScalarLike(value), this);
        if (!result.Shape.SequenceEqual(Shape))
        {
            ThrowHelper.Shape("MaskedFill", $"the mask {ThrowHelper.Dims(mask.Shape)} must broadcast to the tensor's shape {ThrowHelper.Dims(Shape)}.");
        }

        return result;
    }

    /// <summary>Logical and of two bool tensors.</summary>
    public Tensor LogicalAnd(Tensor other) => (Bools("LogicalAnd").To(DType.Int64) * Checked(other).Bools("LogicalAnd").To(DType.Int64)).Ne(0.0);

    /// <summary>Logical or of two bool tensors.</summary>
    public Tensor LogicalOr(Tensor other) => (Bools("LogicalOr").To(DType.Int64) + Checked(other).Bools("LogicalOr").To(DType.Int64)).Ne(0.0);

    /// <summary>Logical not of a bool tensor.</summary>
    public Tensor LogicalNot() => Bools("LogicalNot").Eq(0.0);

    /// <summary>Whether every element is non-zero (true).</summary>
    public bool All() => To(DType.Bool).ToArray<bool>().All(v => v);

    /// <summary>Whether any element is non-zero (true).</summary>
    public bool Any() => To(DType.Bool).ToArray<bool>().Any(v => v);

    /// <summary>Whether every element is within atol + rtol·|other| of other (NumPy's allclose; NaNs are never close).</summary>
    public bool AllClose(Tensor other, double rtol = 1e-5, double atol = 1e-8)
    {
        using var scope = NoGrad();
        var a = To(DType.Float64);
        var b = Checked(other).To(DType.Float64);
        return (a - b).Abs().Le(atol + (rtol * b.Abs())).All();
    }

    private Tensor ScalarFor(double value) => DType == DType.Int64 && value == Math.Floor(value)
        ? Scalar(value, DType.Int64)
        : ScalarLike(value);

    private Tensor Bools(string op) => DType == DType.Bool
        ? this
        : ThrowHelper.DTypeError<Tensor>(op, $"expected a bool tensor; got {DType.Name()}.");
}
