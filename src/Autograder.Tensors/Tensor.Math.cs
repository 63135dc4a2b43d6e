using Autograder.Tensors.Autograd.Functions;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors;

/// <summary>Elementwise functions: exp, log, sqrt, abs, activations, clamp.</summary>
public sealed partial class Tensor
{
    /// <summary>eˣ elementwise.</summary>
    public Tensor Exp() => UnaryWithResult(UnaryOp.Exp, (x, y) => new ExpBackward(x, y));

    /// <summary>Natural logarithm elementwise.</summary>
    public Tensor Log() => Unary(UnaryOp.Log, x => new LogBackward(x));

    /// <summary>Square root elementwise.</summary>
    public Tensor Sqrt() => UnaryWithResult(UnaryOp.Sqrt, (x, y) => new SqrtBackward(x, y));

    /// <summary>Absolute value elementwise (subgradient 0 at 0).</summary>
    public Tensor Abs() => Unary(UnaryOp.Abs, x => new AbsBackward(x));

    /// <summary>x² elementwise.</summary>
    public Tensor Square() => Unary(UnaryOp.Square, x => new SquareBackward(x));

    /// <summary>1 / x elementwise.</summary>
    public Tensor Reciprocal() => UnaryWithResult(UnaryOp.Reciprocal, (x, y) => new ReciprocalBackward(x, y));

    /// <summary>Hyperbolic tangent elementwise.</summary>
    public Tensor Tanh() => UnaryWithResult(UnaryOp.Tanh, (x, y) => new TanhBackward(x, y));

    /// <summary>The logistic sigmoid 1 / (1 + e⁻ˣ) elementwise.</summary>
    public Tensor Sigmoid() => UnaryWithResult(UnaryOp.Sigmoid, (x, y) => new SigmoidBackward(x, y));

    /// <summary>max(x, 0) elementwise (gradient 0 at 0, as in PyTorch).</summary>
    public Tensor Relu() => UnaryWithResult(UnaryOp.Relu, (x, y) => new ReluBackward(x, y));

    /// <summary>Sine elementwise.</summary>
    public Tensor Sin() => Unary(UnaryOp.Sin, x => new SinBackward(x));

    /// <summary>Cosine elementwise.</summary>
    public Tensor Cos() => Unary(UnaryOp.Cos, x => new CosBackward(x));

    /// <summary>Clamps every value into [min, max] (either bound optional); gradient passes where the value was inside.</summary>
    public Tensor Clamp(double? min = null, double? max = null)
    {
        if (min is null && max is null)
        {
            ThrowHelper.Shape("Clamp", "at least one of min or max must be given.");
        }

        Tensor result;
        using (NoGrad())
        {
            result = this;
            if (min is { } lo)
            {
                result = result.Maximum(ScalarLike(lo));
            }

            if (max is { } hi)
            {
                result = result.Minimum(ScalarLike(hi));
            }
        }

        return result.WithGradFn(() => new ClampBackward(this, min, max), this);
    }
}
