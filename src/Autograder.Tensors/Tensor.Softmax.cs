using Autograder.Tensors.Autograd;
using Autograder.Tensors.Autograd.Functions;

namespace Autograder.Tensors;

/// <summary>Softmax and log-softmax along a dimension, computed stably (shifted by the maximum); over the last dimension on fused row kernels (<see cref="Ops.SoftmaxOps"/>), elsewhere composed of tensor operations.</summary>
public sealed partial class Tensor
{
    /// <summary>exp(x) / Σ exp(x) along <paramref name="dim"/>.</summary>
    public Tensor Softmax(int dim)
    {
        var d = ThrowHelper.Dim("Softmax", dim, Dim);
        Tensor result;
        if (Ops.SoftmaxOps.Applies(FloatingInput("Softmax"), d))
        {
            result = Ops.SoftmaxOps.Forward(this, log: false);
        }
        else
        {
            using (GradMode.Disable())
            {
                var shifted = (this - Max(d, keepDim: true).Values).Exp();
                result = shifted / shifted.Sum(d, keepDim: true);
            }
        }

        return result.WithGradFn(() => new SoftmaxBackward(this, result, d), this);
    }

    /// <summary>x − log Σ exp(x) along <paramref name="dim"/>.</summary>
    public Tensor LogSoftmax(int dim)
    {
        var d = ThrowHelper.Dim("LogSoftmax", dim, Dim);
        Tensor result;
        if (Ops.SoftmaxOps.Applies(FloatingInput("LogSoftmax"), d))
        {
            result = Ops.SoftmaxOps.Forward(this, log: true);
        }
        else
        {
            using (GradMode.Disable())
            {
                result = this - LogSumExp(d, keepDim: true);
            }
        }

        return result.WithGradFn(() => new LogSoftmaxBackward(this, result, d), this);
    }

    private Tensor FloatingInput(string op) => DType.IsFloatingPoint()
        ? this
        : ThrowHelper.DTypeError<Tensor>(op, $"expected a floating-point tensor; got {DType.Name()}.");
}
