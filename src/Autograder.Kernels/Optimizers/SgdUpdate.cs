using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Autograder.Kernels.Optimizers;

/// <summary>One SGD step with momentum over a parameter, its gradient and its momentum buffer, in a single pass.</summary>
/// <remarks>
/// Per element, with the same roundings as the tensor expressions it replaces (a product, then a sum; no fused multiply-add):
/// d = g + weightDecay · p; b = momentum · b, then b = share · d + b (share = 1 − dampening); p = −lr · s + p with s = b, or s = d + momentum · b
/// (Nesterov). As three tensor operations it read and wrote the 2.8 MB weight of a 1152 → 600 layer three times on one
/// thread (0.46 ms per CNN step); here once, in parallel. The pass is bound by memory, so 256-bit vectors serve on
/// AVX-512 machines too. Fixed blocks and the same arithmetic on the vector and scalar paths keep every element
/// independent of the thread count.
/// </remarks>
public static class SgdUpdate
{
    /// <summary>Elements per parallel block.</summary>
    private const int Block = 1 << 14;

    /// <summary>Updates <paramref name="parameter"/> and <paramref name="buffer"/> in place from <paramref name="gradient"/>.</summary>
    /// <param name="parameter">The parameter p, updated.</param>
    /// <param name="gradient">The gradient g.</param>
    /// <param name="buffer">The momentum buffer b (holding at least one earlier step), updated.</param>
    /// <param name="learningRate">lr.</param>
    /// <param name="momentum">The momentum factor.</param>
    /// <param name="gradientShare">1 − dampening: the gradient's share of the new buffer.</param>
    /// <param name="weightDecay">The L2 penalty (0 for none).</param>
    /// <param name="nesterov">Whether the step looks ahead along the buffer.</param>
    public static unsafe void Momentum<T>(Span<T> parameter, ReadOnlySpan<T> gradient, Span<T> buffer, T learningRate, T momentum, T gradientShare, T weightDecay, bool nesterov)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string Op = "SgdUpdate.Momentum";
        var n = parameter.Length;
        ThrowHelper.CheckLength(Op, nameof(gradient), gradient.Length, n);
        ThrowHelper.CheckLength(Op, nameof(buffer), buffer.Length, n);
        var step = new Coefficients<T>(-learningRate, momentum, gradientShare, weightDecay, nesterov);
        fixed (T* p = parameter, g = gradient, b = buffer)
        {
            nint pAddress = (nint)p, gAddress = (nint)g, bAddress = (nint)b;
            var blocks = (n + Block - 1) / Block;
            ParallelWork.For(blocks, block =>
            {
                var start = block * Block;
                Run((T*)pAddress + start, (T*)gAddress + start, (T*)bAddress + start, Math.Min(Block, n - start), step);
            }, totalWork: 4L * n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Run<T>(T* p, T* g, T* b, int count, in Coefficients<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (KernelSettings.UseVector256)
        {
            var w = Vector256<T>.Count;
            Vector256<T> lr = Vector256.Create(c.NegativeRate), m = Vector256.Create(c.Momentum), share = Vector256.Create(c.Share), wd = Vector256.Create(c.WeightDecay);
            for (; i <= count - w; i += w)
            {
                var pv = Vector256.Load(p + i);
                var d = Vector256.Load(g + i);
                if (c.Decays)
                {
                    d += pv * wd;
                }

                var bv = (d * share) + (Vector256.Load(b + i) * m);
                bv.Store(b + i);
                var s = c.Nesterov ? d + (bv * m) : bv;
                ((s * lr) + pv).Store(p + i);
            }
        }

        for (; i < count; i++)
        {
            var d = g[i];
            if (c.Decays)
            {
                d += p[i] * c.WeightDecay;
            }

            var bv = (d * c.Share) + (b[i] * c.Momentum);
            b[i] = bv;
            var s = c.Nesterov ? d + (bv * c.Momentum) : bv;
            p[i] = (s * c.NegativeRate) + p[i];
        }
    }

    private readonly record struct Coefficients<T>(T NegativeRate, T Momentum, T Share, T WeightDecay, bool Nesterov)
        where T : IFloatingPointIeee754<T>
    {
        public bool Decays => WeightDecay != T.Zero;
    }
}
