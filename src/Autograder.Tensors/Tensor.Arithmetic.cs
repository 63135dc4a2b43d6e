using Autograder.Tensors.Autograd.Functions;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors;

/// <summary>Broadcasting arithmetic: methods, operators, and scalar forms.</summary>
public sealed partial class Tensor
{
    /// <summary>this + other, broadcast.</summary>
    public Tensor Add(Tensor other) => Binary(BinaryOp.Add, other, "Add", (a, b) => new AddBackward(a, b));

    /// <summary>this + alpha · other, broadcast (PyTorch's <c>add(other, alpha=…)</c>).</summary>
    public Tensor Add(Tensor other, double alpha) => Add(other * alpha);

    /// <summary>this − other, broadcast.</summary>
    public Tensor Sub(Tensor other) => Binary(BinaryOp.Subtract, other, "Sub", (a, b) => new SubBackward(a, b));

    /// <summary>this · other elementwise, broadcast.</summary>
    public Tensor Mul(Tensor other) => Binary(BinaryOp.Multiply, other, "Mul", (a, b) => new MulBackward(a, b));

    /// <summary>this / other elementwise, broadcast (true division: integers give float32).</summary>
    public Tensor Div(Tensor other) => Binary(BinaryOp.Divide, other, "Div", (a, b) => new DivBackward(a, b));

    /// <summary>this raised to the power other, elementwise, broadcast.</summary>
    public Tensor Pow(Tensor other) => Binary(BinaryOp.Pow, other, "Pow", (a, b) => new PowBackward(a, b));

    /// <summary>this raised to a scalar power.</summary>
    public Tensor Pow(double exponent) => Pow(ScalarLike(exponent));

    /// <summary>The larger of this and other elementwise (NaN propagates); gradient goes to the larger, split on ties.</summary>
    public Tensor Maximum(Tensor other) => Binary(BinaryOp.Maximum, other, "Maximum", (a, b) => new MaximumBackward(a, b, isMax: true));

    /// <summary>The smaller of this and other elementwise (NaN propagates); gradient goes to the smaller, split on ties.</summary>
    public Tensor Minimum(Tensor other) => Binary(BinaryOp.Minimum, other, "Minimum", (a, b) => new MaximumBackward(a, b, isMax: false));

    /// <summary>Negation.</summary>
    public Tensor Neg() => Unary(UnaryOp.Negate, x => new NegBackward(x));

    /// <summary>Elementwise sum.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Checked(a).Add(b);

    /// <summary>Elementwise difference.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Checked(a).Sub(b);

    /// <summary>Elementwise product.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Checked(a).Mul(b);

    /// <summary>Elementwise quotient.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Checked(a).Div(b);

    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => Checked(a).Neg();

    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Tensor a, double b) => Checked(a).Add(a.ScalarLike(b));

    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(double a, Tensor b) => Checked(b).ScalarLike(a).Add(b);

    /// <summary>Subtracts a scalar.</summary>
    public static Tensor operator -(Tensor a, double b) => Checked(a).Sub(a.ScalarLike(b));

    /// <summary>Subtracts from a scalar.</summary>
    public static Tensor operator -(double a, Tensor b) => Checked(b).ScalarLike(a).Sub(b);

    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Tensor a, double b) => Checked(a).Mul(a.ScalarLike(b));

    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(double a, Tensor b) => Checked(b).ScalarLike(a).Mul(b);

    /// <summary>Divides by a scalar.</summary>
    public static Tensor operator /(Tensor a, double b) => Checked(a).Div(a.ScalarLike(b));

    /// <summary>Divides a scalar.</summary>
    public static Tensor operator /(double a, Tensor b) => Checked(b).ScalarLike(a).Div(b);

    /// <summary>Adds an integer (int64 tensors stay int64).</summary>
    public static Tensor operator +(Tensor a, long b) => Checked(a).Add(a.ScalarLike(b));

    /// <summary>Subtracts an integer (int64 tensors stay int64).</summary>
    public static Tensor operator -(Tensor a, long b) => Checked(a).Sub(a.ScalarLike(b));

    /// <summary>Multiplies by an integer (int64 tensors stay int64).</summary>
    public static Tensor operator *(Tensor a, long b) => Checked(a).Mul(a.ScalarLike(b));

    /// <summary>A 0-d tensor holding a real scalar in this tensor's type (float32 for integer tensors), for mixed arithmetic.</summary>
    internal Tensor ScalarLike(double value) => Scalar(value, DType.IsFloatingPoint() ? DType : DType.Float32);

    /// <summary>A 0-d tensor holding an integer scalar in this tensor's type (int64 for bool).</summary>
    internal Tensor ScalarLike(long value) => DType is DType.Int64 or DType.Bool
        ? FromArray(new[] { value }).Reshape()
        : Scalar(value, DType);

    private Tensor Binary(BinaryOp op, Tensor other, string name, Func<Tensor, Tensor, Autograd.Node> node)
    {
        ArgumentNullException.ThrowIfNull(other);
        return BinaryOps.Compute(op, this, other, name).WithGradFn(() => node(this, other), this, other);
    }

    private Tensor Unary(UnaryOp op, Func<Tensor, Autograd.Node> node)
    {
        var result = UnaryOps.Compute(op, this);
        return result.WithGradFn(() => node(this), this);
    }

    private Tensor UnaryWithResult(UnaryOp op, Func<Tensor, Tensor, Autograd.Node> node)
    {
        var result = UnaryOps.Compute(op, this);
        return result.WithGradFn(() => node(this, result.Detach()), this);
    }
}
