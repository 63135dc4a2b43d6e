using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Autograder.Kernels;

/// <summary>Reductions along the middle axis of x viewed as (outer, n, inner); destination is (outer, inner).</summary>
/// <remarks>
/// Summation order is fixed by the shape alone (rows are summed in order when inner &gt; 1; TensorPrimitives'
/// blocked order when inner = 1), so results do not depend on threads.
/// </remarks>
public static class Reduction
{
    /// <summary>destination[o, i] = Σ_r x[o, r, i].</summary>
    public static void Sum<T>(ReadOnlySpan<T> x, int outer, int n, int inner, Span<T> destination)
        where T : INumber<T>
    {
        Check("Reduction.Sum", x.Length, outer, n, inner, destination.Length);
        for (var o = 0; o < outer; o++)
        {
            var block = x.Slice(o * n * inner, n * inner);
            var dst = destination.Slice(o * inner, inner);
            if (inner == 1)
            {
                dst[0] = Sum(block);
                continue;
            }

            dst.Clear();
            for (var r = 0; r < n; r++)
            {
                Elementwise.Map<T, Operators.AddOperator<T>>(dst, 1, block.Slice(r * inner, inner), 1, dst);
            }
        }
    }

    /// <summary>Returns Σ x.</summary>
    public static T Sum<T>(ReadOnlySpan<T> x)
        where T : INumber<T>
    {
        if (KernelSettings.SimdEnabled)
        {
            return TP.Sum(x);
        }

        var sum = T.Zero;
        foreach (var v in x)
        {
            sum += v;
        }

        return sum;
    }

    /// <summary>destination[o, i] = max_r x[o, r, i], indices[o, i] = the first r that attains it (a NaN wins).</summary>
    public static void Max<T>(ReadOnlySpan<T> x, int outer, int n, int inner, Span<T> destination, Span<long> indices)
        where T : INumber<T> => Extreme(x, outer, n, inner, destination, indices, max: true);

    /// <summary>destination[o, i] = min_r x[o, r, i], indices[o, i] = the first r that attains it (a NaN wins).</summary>
    public static void Min<T>(ReadOnlySpan<T> x, int outer, int n, int inner, Span<T> destination, Span<long> indices)
        where T : INumber<T> => Extreme(x, outer, n, inner, destination, indices, max: false);

    private static void Extreme<T>(ReadOnlySpan<T> x, int outer, int n, int inner, Span<T> destination, Span<long> indices, bool max)
        where T : INumber<T>
    {
        const string Op = "Reduction.Max/Min";
        Check(Op, x.Length, outer, n, inner, destination.Length);
        ThrowHelper.CheckLength(Op, nameof(indices), indices.Length, (long)outer * inner);
        if (n == 0)
        {
            ThrowHelper.Argument(Op, "cannot reduce an empty dimension (no identity for max/min).");
        }

        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var baseIndex = (o * n * inner) + i;
                var best = x[baseIndex];
                long bestIndex = 0;
                for (var r = 1; r < n && !T.IsNaN(best); r++)
                {
                    var v = x[baseIndex + (r * inner)];
                    if (T.IsNaN(v) || (max ? v > best : v < best))
                    {
                        (best, bestIndex) = (v, r);
                    }
                }

                destination[(o * inner) + i] = best;
                indices[(o * inner) + i] = bestIndex;
            }
        }
    }

    private static void Check(string op, int length, int outer, int n, int inner, int destinationLength)
    {
        if (outer < 0 || n < 0 || inner < 0)
        {
            ThrowHelper.Argument(op, $"extents must be non-negative; got ({outer}, {n}, {inner}).");
        }

        ThrowHelper.CheckLength(op, "x", length, (long)outer * n * inner);
        ThrowHelper.CheckLength(op, "destination", destinationLength, (long)outer * inner);
    }
}
