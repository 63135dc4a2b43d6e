using Autograder.Tensors;

namespace Homework.A3;

/// <summary>One step of a vanilla RNN from scratch (float64, no autograd): h_t = tanh(x_t Wx + h_{t−1} Wh + b), row-major, x_t ∈ R^{N×D}, Wx ∈ R^{D×H}, Wh ∈ R^{H×H}.</summary>
public static class RnnStep
{
    /// <summary>One step forward: h_t = tanh(x_t Wx + h_{t−1} Wh + b).</summary>
    /// <param name="x">The inputs of this step, (N, D).</param>
    /// <param name="prevH">The previous hidden state, (N, H).</param>
    /// <param name="wx">Input-to-hidden weights, (D, H).</param>
    /// <param name="wh">Hidden-to-hidden weights, (H, H).</param>
    /// <param name="b">Bias, (H).</param>
    /// <returns>The next hidden state, (N, H), and the cache for <see cref="Backward"/>.</returns>
    public static (Tensor NextH, RnnStepCache Cache) Forward(Tensor x, Tensor prevH, Tensor wx, Tensor wh, Tensor b)
    {
        // BEGIN SOLUTION (hint: two matrix products and the bias, then tanh; keep what the backward pass needs)
        ArgumentNullException.ThrowIfNull(x);
        var nextH = (x.MatMul(wx) + prevH.MatMul(wh) + b).Tanh();
        return (nextH, new RnnStepCache(x, prevH, wx, wh, nextH));
        // END SOLUTION
    }

    /// <summary>One step backward.</summary>
    /// <param name="dnextH">The gradient of the loss with respect to the step's output, (N, H).</param>
    /// <param name="cache">The cache from <see cref="Forward"/>.</param>
    /// <returns>Gradients with respect to x (N, D), the previous hidden state (N, H), Wx (D, H), Wh (H, H) and b (H).</returns>
    public static (Tensor Dx, Tensor DprevH, Tensor DWx, Tensor DWh, Tensor Db) Backward(Tensor dnextH, RnnStepCache cache)
    {
        // BEGIN SOLUTION (hint: tanh'(a) = 1 − tanh(a)², written with the cached output; then the affine layer's three gradients, twice)
        ArgumentNullException.ThrowIfNull(cache);
        var da = dnextH * (1.0 - cache.NextH.Square());
        return (da.MatMul(cache.Wx.T), da.MatMul(cache.Wh.T), cache.X.T.MatMul(da), cache.PrevH.T.MatMul(da), da.Sum(0));
        // END SOLUTION
    }
}
