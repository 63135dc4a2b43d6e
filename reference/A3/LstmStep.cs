using Autograder.Tensors;

namespace Homework.A3;

/// <summary>One LSTM step from scratch (float64, no autograd).</summary>
/// <remarks>
/// Gates in the assignment's order, forget, input, candidate, output: Wx = [Wxf; Wxi; Wxc; Wxo] ∈ R^{D×4H} by columns, and
/// A = x_t Wx + h_{t−1} Wh + b ∈ R^{N×4H} splits into four blocks of H columns:
/// f = σ(A_f), i = σ(A_i), c̃ = tanh(A_c), o = σ(A_o); c_t = f ⊙ c_{t−1} + i ⊙ c̃; h_t = o ⊙ tanh(c_t).
/// </remarks>
public static class LstmStep
{
    /// <summary>One step forward.</summary>
    /// <param name="x">The inputs of this step, (N, D).</param>
    /// <param name="prevH">The previous hidden state, (N, H).</param>
    /// <param name="prevC">The previous cell state, (N, H).</param>
    /// <param name="wx">Input-to-gates weights, (D, 4H).</param>
    /// <param name="wh">Hidden-to-gates weights, (H, 4H).</param>
    /// <param name="b">Bias, (4H).</param>
    /// <returns>The next hidden state and cell state, (N, H) each, and the cache for <see cref="Backward"/>.</returns>
    public static (Tensor NextH, Tensor NextC, LstmStepCache Cache) Forward(Tensor x, Tensor prevH, Tensor prevC, Tensor wx, Tensor wh, Tensor b)
    {
        // BEGIN SOLUTION (hint: one activation A of 4H columns; Narrow it into the four gates in the order f, i, c̃, o)
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(prevH);
        var hidden = prevH.Shape[1];
        var a = x.MatMul(wx) + prevH.MatMul(wh) + b;
        var f = a.Narrow(1, 0, hidden).Sigmoid();
        var i = a.Narrow(1, hidden, hidden).Sigmoid();
        var g = a.Narrow(1, 2 * hidden, hidden).Tanh();
        var o = a.Narrow(1, 3 * hidden, hidden).Sigmoid();
        var nextC = (f * prevC) + (i * g);
        var nextH = o * nextC.Tanh();
        return (nextH, nextC, new LstmStepCache(x, prevH, prevC, wx, wh, f, i, g, o, nextC));
        // END SOLUTION
    }

    /// <summary>One step backward.</summary>
    /// <param name="dnextH">The gradient with respect to the next hidden state, (N, H).</param>
    /// <param name="dnextC">The gradient with respect to the next cell state, (N, H).</param>
    /// <param name="cache">The cache from <see cref="Forward"/>.</param>
    /// <returns>Gradients with respect to x (N, D), the previous hidden and cell states (N, H), Wx (D, 4H), Wh (H, 4H) and b (4H).</returns>
    public static (Tensor Dx, Tensor DprevH, Tensor DprevC, Tensor DWx, Tensor DWh, Tensor Db) Backward(Tensor dnextH, Tensor dnextC, LstmStepCache cache)
    {
        // BEGIN SOLUTION (hint: the cell gets dnextC plus dnextH through h = o ⊙ tanh(c); then each gate's gradient through its σ or tanh; concatenate in the order f, i, c̃, o)
        ArgumentNullException.ThrowIfNull(cache);
        var tanhC = cache.NextC.Tanh();
        var dc = dnextC + (dnextH * cache.O * (1.0 - tanhC.Square()));
        var df = dc * cache.PrevC * cache.F * (1.0 - cache.F);
        var di = dc * cache.G * cache.I * (1.0 - cache.I);
        var dg = dc * cache.I * (1.0 - cache.G.Square());
        var dout = dnextH * tanhC * cache.O * (1.0 - cache.O);
        var da = Tensor.Cat([df, di, dg, dout], 1);
        return (da.MatMul(cache.Wx.T), da.MatMul(cache.Wh.T), dc * cache.F, cache.X.T.MatMul(da), cache.PrevH.T.MatMul(da), da.Sum(0));
        // END SOLUTION
    }
}
