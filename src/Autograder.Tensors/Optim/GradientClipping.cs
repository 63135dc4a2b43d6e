namespace Autograder.Tensors.Optim;

/// <summary>Gradient clipping, as <c>torch.nn.utils.clip_grad_norm_</c>: keeps one large step (an exploding recurrent gradient) from wrecking the weights.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales every gradient in place by max_norm / (total_norm + 1e-6) when that is below 1, where total_norm is the
    /// 2-norm of all the gradients together (parameters without a gradient are skipped).
    /// </summary>
    /// <param name="parameters">The parameters whose gradients to clip.</param>
    /// <param name="maxNorm">The largest total norm allowed.</param>
    /// <returns>The total norm before clipping.</returns>
    public static double ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var gradients = parameters.Select(p => p.Grad).OfType<Tensor>().ToList();
        using var noGrad = Tensor.NoGrad();
        var total = Math.Sqrt(gradients.Sum(g => g.Double().Square().Sum().Item()));
        var scale = maxNorm / (total + 1e-6);
        if (scale < 1)
        {
            foreach (var gradient in gradients)
            {
                gradient.Mul_(scale);
            }
        }

        return total;
    }
}
