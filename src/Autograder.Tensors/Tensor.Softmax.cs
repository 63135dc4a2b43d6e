using Autograder.Tensors.Autograd;
using Autograder.Tensors.Autograd.Functions;

namespace Autograder.Tensors;

/// <summary>Softmax and log-softmax along a dimension, computed stably (shifted by the maximum).</summary>
public sealed partial class Tensor
{
    /// <summary>exp(x) / Σ exp(x) along <paramref name="dim"/>.</summary>
    public Tensor Softmax(int dim)
    {
        var d = ThrowHelper.Dim("Softmax", dim, Dim);
        Tensor result;
        using (GradMode.Disable())
        {
            var shifted = (FloatingInput("Softmax") - Max(d, keepDim: true).Values).Exp();
            result = shifted / shifted.Sum(d, keepDim: true);
        }

        return result.WithGradFn(() => new SoftmaxBackward(this, result, d), this);
    }

    /// <summary>x − log Σ exp(x) along <paramref name="dim"/>.</summary>
    public Tensor LogSoftmax(int dim)
    {
        var d = ThrowHelper.Dim("LogSoftmax", dim, Dim);
        Tensor result;
        using (GradMode.Disable())
        {
            var x = FloatingInput("LogSoftmax");
            result = x - x.LogSumExp(d, keepDim: true);
        }

        return result.WithGradFn(() => new LogSoftmaxBackward(this, result, d), this);
    }

    private Tensor FloatingInput(string op) => DType.IsFloatingPoint()
        ? this
        : ThrowHelper.DTypeError<Tensor>(op, $"expected a floating-point tensor; got {DType.Name()}.");
}
