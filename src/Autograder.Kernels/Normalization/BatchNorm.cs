using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Autograder.Kernels.Normalization;

/// <summary>
/// Batch normalisation over (N, C, P) data (P = H·W positions), fused: the per-channel statistics, the normalisation with
/// the affine transform, and the gradients, each a pass or two over a channel, channels in parallel.
/// </summary>
/// <remarks>
/// As a composition of tensor operations, a training step of ResNet-18's batch norm was about eight passes and six full-size
/// temporaries forward and more backward, on tensors of up to 16 × 64 × 112 × 112. Here forward reads x twice (mean, then
/// the variance about it, as PyTorch's two-pass form) and writes y once; backward reads dy and x once for the two sums and
/// once more to write dx. Each channel's sums run over its N planes in order, so results do not depend on the thread count.
/// </remarks>
public static class BatchNorm
{
    /// <summary>The batch statistics of each channel: its mean and its biased variance over N·P values.</summary>
    /// <param name="x">(N, C, P).</param>
    /// <param name="n">N.</param>
    /// <param name="channels">C.</param>
    /// <param name="mean">(C), written.</param>
    /// <param name="variance">(C), written.</param>
    public static void Statistics<T>(ReadOnlySpan<T> x, int n, int channels, Span<T> mean, Span<T> variance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = Positions("BatchNorm.Statistics", x.Length, n, channels);
        ThrowHelper.CheckLength("BatchNorm.Statistics", nameof(mean), mean.Length, channels);
        ThrowHelper.CheckLength("BatchNorm.Statistics", nameof(variance), variance.Length, channels);
        unsafe
        {
            fixed (T* px = x, pm = mean, pv = variance)
            {
                nint xa = (nint)px, ma = (nint)pm, va = (nint)pv;
                ParallelWork.For(channels, c =>
                {
                    var count = T.CreateTruncating(n * p);
                    var sum = T.Zero;
                    for (var i = 0; i < n; i++)
                    {
                        sum += TP.Sum(Plane((T*)xa, i, c, channels, p));
                    }

                    var mu = sum / count;
                    var squares = T.Zero;
                    for (var i = 0; i < n; i++)
                    {
                        squares += SumOfSquaredDeviations(Plane((T*)xa, i, c, channels, p), mu);
                    }

                    ((T*)ma)[c] = mu;
                    ((T*)va)[c] = squares / count;
                }, totalWork: 2L * x.Length);
            }
        }
    }

    /// <summary>y = scale · x + shift per channel (the normalisation and the affine transform folded into one multiply-add).</summary>
    /// <param name="x">(N, C, P).</param>
    /// <param name="n">N.</param>
    /// <param name="channels">C.</param>
    /// <param name="scale">(C): γ / √(σ² + ε).</param>
    /// <param name="shift">(C): β − μ · scale.</param>
    /// <param name="y">(N, C, P), written; may be <paramref name="x"/>.</param>
    public static void Affine<T>(ReadOnlySpan<T> x, int n, int channels, ReadOnlySpan<T> scale, ReadOnlySpan<T> shift, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = Positions("BatchNorm.Affine", x.Length, n, channels);
        ThrowHelper.CheckLength("BatchNorm.Affine", nameof(y), y.Length, x.Length);
        unsafe
        {
            fixed (T* px = x, ps = scale, pb = shift, py = y)
            {
                nint xa = (nint)px, sa = (nint)ps, ba = (nint)pb, ya = (nint)py;
                ParallelWork.For(n * channels, index =>
                {
                    var (i, c) = Math.DivRem(index, channels);
                    var plane = Plane((T*)ya, i, c, channels, p);
                    TP.Multiply(Plane((T*)xa, i, c, channels, p), ((T*)sa)[c], plane);
                    TP.Add(plane, ((T*)ba)[c], plane);
                }, totalWork: x.Length);
            }
        }
    }

    /// <summary>
    /// The gradients of y = γ (x − μ) / √(σ² + ε) + β. With batch statistics (<paramref name="training"/>), μ and σ² depend on
    /// x: dx = γ/σ̂ · (dy − mean(dy) − x̂ · mean(dy · x̂)) per channel, x̂ = (x − μ)/σ̂; with fixed (running) statistics,
    /// dx = γ/σ̂ · dy. dγ = Σ dy · x̂ and dβ = Σ dy in both cases.
    /// </summary>
    /// <param name="gradOutput">dy, (N, C, P).</param>
    /// <param name="x">(N, C, P).</param>
    /// <param name="n">N.</param>
    /// <param name="channels">C.</param>
    /// <param name="mean">(C): the μ used forward.</param>
    /// <param name="inverseStd">(C): 1/√(σ² + ε) used forward.</param>
    /// <param name="weight">(C): γ, or empty for 1.</param>
    /// <param name="training">Whether μ and σ² were the batch's own.</param>
    /// <param name="gradInput">(N, C, P), written; empty when not wanted.</param>
    /// <param name="gradWeight">(C), written; empty when not wanted.</param>
    /// <param name="gradBias">(C), written; empty when not wanted.</param>
    public static void Backward<T>(ReadOnlySpan<T> gradOutput, ReadOnlySpan<T> x, int n, int channels, ReadOnlySpan<T> mean, ReadOnlySpan<T> inverseStd,
        ReadOnlySpan<T> weight, bool training, Span<T> gradInput, Span<T> gradWeight, Span<T> gradBias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string Op = "BatchNorm.Backward";
        var p = Positions(Op, x.Length, n, channels);
        ThrowHelper.CheckLength(Op, nameof(gradOutput), gradOutput.Length, x.Length);
        bool wantInput = !gradInput.IsEmpty, wantWeight = !gradWeight.IsEmpty, wantBias = !gradBias.IsEmpty, hasWeight = !weight.IsEmpty;
        unsafe
        {
            fixed (T* pdy = gradOutput, px = x, pm = mean, ps = inverseStd, pw = weight, pdx = gradInput, pdw = gradWeight, pdb = gradBias)
            {
                nint dya = (nint)pdy, xa = (nint)px, ma = (nint)pm, sa = (nint)ps, wa = (nint)pw, dxa = (nint)pdx, dwa = (nint)pdw, dba = (nint)pdb;
                ParallelWork.For(channels, c =>
                {
                    var (mu, invStd) = (((T*)ma)[c], ((T*)sa)[c]);
                    T sumDy = T.Zero, sumDyCentred = T.Zero;
                    for (var i = 0; i < n; i++)
                    {
                        var dy = Plane((T*)dya, i, c, channels, p);
                        sumDy += TP.Sum(dy);
                        sumDyCentred += DotCentred(dy, Plane((T*)xa, i, c, channels, p), mu);
                    }

                    // Σ dy · x̂ = σ̂⁻¹ Σ dy · (x − μ).
                    var sumDyXhat = sumDyCentred * invStd;
                    if (wantWeight)
                    {
                        ((T*)dwa)[c] = sumDyXhat;
                    }

                    if (wantBias)
                    {
                        ((T*)dba)[c] = sumDy;
                    }

                    if (!wantInput)
                    {
                        return;
                    }

                    var gamma = hasWeight ? ((T*)wa)[c] : T.One;
                    var a = gamma * invStd;
                    if (!training)
                    {
                        for (var i = 0; i < n; i++)
                        {
                            TP.Multiply(Plane((T*)dya, i, c, channels, p), a, Plane((T*)dxa, i, c, channels, p));
                        }

                        return;
                    }

                    // dx = a·dy − a·mean(dy) − a·x̂·mean(dy·x̂) = a·dy + k·(x − μ) + m, with k = −a·σ̂⁻¹·mean(dy·x̂), m = −a·mean(dy).
                    var count = T.CreateTruncating(n * p);
                    var k = -a * invStd * sumDyXhat / count;
                    var m = -a * sumDy / count;
                    for (var i = 0; i < n; i++)
                    {
                        Combine(Plane((T*)dya, i, c, channels, p), Plane((T*)xa, i, c, channels, p), a, k, mu, m, Plane((T*)dxa, i, c, channels, p));
                    }
                }, totalWork: 3L * x.Length);
            }
        }
    }

    private static unsafe Span<T> Plane<T>(T* data, int image, int channel, int channels, int positions)
        where T : unmanaged => new(data + ((((nint)image * channels) + channel) * positions), positions);

    /// <summary>Σ (x − μ)².</summary>
    private static T SumOfSquaredDeviations<T>(ReadOnlySpan<T> x, T mu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> buffer = stackalloc T[Math.Min(x.Length, 256)];
        var sum = T.Zero;
        for (var start = 0; start < x.Length; start += buffer.Length)
        {
            var part = buffer[..Math.Min(buffer.Length, x.Length - start)];
            TP.Subtract(x.Slice(start, part.Length), mu, part);
            sum += TP.SumOfSquares<T>(part);
        }

        return sum;
    }

    /// <summary>Σ dy · (x − μ).</summary>
    private static T DotCentred<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, T mu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> buffer = stackalloc T[Math.Min(x.Length, 256)];
        var sum = T.Zero;
        for (var start = 0; start < x.Length; start += buffer.Length)
        {
            var part = buffer[..Math.Min(buffer.Length, x.Length - start)];
            TP.Subtract(x.Slice(start, part.Length), mu, part);
            sum += TP.Dot<T>(dy.Slice(start, part.Length), part);
        }

        return sum;
    }

    /// <summary>dx = a·dy + k·(x − μ) + m.</summary>
    private static void Combine<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, T a, T k, T mu, T m, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TP.Subtract(x, mu, dx);
        TP.Multiply(dx, k, dx);
        TP.Add(dx, m, dx);
        TP.MultiplyAdd(dy, a, dx, dx);
    }

    private static int Positions(string op, int length, int n, int channels)
    {
        if (n <= 0 || channels <= 0 || length % ((long)n * channels) != 0)
        {
            throw new ArgumentException($"{op}: {length} values are not (N = {n}, C = {channels}, positions).");
        }

        return length / (n * channels);
    }
}
