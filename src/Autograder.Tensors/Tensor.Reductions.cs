using Autograder.Tensors.Autograd.Functions;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors;

/// <summary>Reductions: sum, mean, max/min (with indices), argmax/argmin, logsumexp, var/std.</summary>
public sealed partial class Tensor
{
    /// <summary>The sum of all elements (a 0-d tensor).</summary>
    public Tensor Sum() => Sum(AllDims(), keepDim: false);

    /// <summary>The sum over one dimension.</summary>
    public Tensor Sum(int dim, bool keepDim = false) => Sum([dim], keepDim);

    /// <summary>The sum over several dimensions.</summary>
    public Tensor Sum(int[] dims, bool keepDim = false)
    {
        var normalized = NormalizeDims("Sum", dims);
        var result = this;
        foreach (var d in normalized.OrderDescending())
        {
            result = ReduceOps.Sum(result, d);
        }

        if (normalized.Length == 0)
        {
            result = DType == DType.Bool ? To(DType.Int64) : Detach().Clone();
        }

        result = keepDim ? result : result.Detach().Reshape(ReducedShape(normalized));
        return result.WithGradFn(() => new SumBackward(this, normalized, keepDim), this);
    }

    /// <summary>The mean of all elements (a 0-d tensor).</summary>
    public Tensor Mean() => Mean(AllDims(), keepDim: false);

    /// <summary>The mean over one dimension.</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Mean([dim], keepDim);

    /// <summary>The mean over several dimensions (floating-point tensors only).</summary>
    public Tensor Mean(int[] dims, bool keepDim = false)
    {
        if (!DType.IsFloatingPoint())
        {
            ThrowHelper.DTypeError("Mean", $"mean needs a floating-point tensor; got {DType.Name()}. Convert first, e.g. x.To(DType.Float32).Mean().");
        }

        var normalized = NormalizeDims("Mean", dims);
        var count = normalized.Aggregate(1, (n, d) => n * _shape[d]);
        return Sum(normalized, keepDim) / count;
    }

    /// <summary>The largest element (a 0-d tensor); its gradient is split evenly among ties.</summary>
    public Tensor Max() => Extreme(max: true, "Max");

    /// <summary>The smallest element (a 0-d tensor); its gradient is split evenly among ties.</summary>
    public Tensor Min() => Extreme(max: false, "Min");

    /// <summary>The largest values along a dimension and the first index attaining each.</summary>
    public (Tensor Values, Tensor Indices) Max(int dim, bool keepDim = false) => Extreme(dim, keepDim, max: true, "Max");

    /// <summary>The smallest values along a dimension and the first index attaining each.</summary>
    public (Tensor Values, Tensor Indices) Min(int dim, bool keepDim = false) => Extreme(dim, keepDim, max: false, "Min");

    /// <summary>The index of the largest element in the flattened tensor.</summary>
    public Tensor ArgMax() => Reshape(-1).Max(0).Indices;

    /// <summary>The indices of the largest values along a dimension.</summary>
    public Tensor ArgMax(int dim, bool keepDim = false) => Max(dim, keepDim).Indices;

    /// <summary>The index of the smallest element in the flattened tensor.</summary>
    public Tensor ArgMin() => Reshape(-1).Min(0).Indices;

    /// <summary>The indices of the smallest values along a dimension.</summary>
    public Tensor ArgMin(int dim, bool keepDim = false) => Min(dim, keepDim).Indices;

    /// <summary>log Σ exp(x) along a dimension, computed stably by shifting by the maximum.</summary>
    public Tensor LogSumExp(int dim, bool keepDim = false)
    {
        Tensor shift;
        using (NoGrad())
        {
            shift = Max(dim, keepDim: true).Values;
            shift = Where(shift.Abs().Eq(double.PositiveInfinity), ZerosLike(shift), shift);
        }

        var result = (this - shift).Exp().Sum(dim, keepDim: true).Log() + shift;
        return keepDim ? result : result.Squeeze(dim);
    }

    /// <summary>The variance along dimensions (Bessel-corrected unless <paramref name="unbiased"/> is false).</summary>
    public Tensor Var(int[] dims, bool unbiased = true, bool keepDim = false)
    {
        var normalized = NormalizeDims("Var", dims);
        var count = normalized.Aggregate(1, (n, d) => n * _shape[d]);
        var centered = this - Mean(normalized, keepDim: true);
        return (centered * centered).Sum(normalized, keepDim) / Math.Max(count - (unbiased ? 1 : 0), 1);
    }

    /// <summary>The standard deviation along dimensions.</summary>
    public Tensor Std(int[] dims, bool unbiased = true, bool keepDim = false) => Var(dims, unbiased, keepDim).Sqrt();

    internal int[] NormalizeDims(string op, int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var normalized = dims.Select(d => ThrowHelper.Dim(op, d, Dim)).ToArray();
        if (normalized.Distinct().Count() != normalized.Length)
        {
            ThrowHelper.Shape(op, $"dimension appears more than once in [{string.Join(", ", dims)}].");
        }

        return Dim == 0 ? [] : normalized;
    }

    private int[] AllDims() => [.. Enumerable.Range(0, Dim)];

    private int[] ReducedShape(int[] dims) => [.. _shape.Where((_, d) => !dims.Contains(d))];

    private Tensor Extreme(bool max, string op)
    {
        if (NumEl == 0)
        {
            ThrowHelper.Shape(op, "cannot reduce an empty tensor: max/min have no identity.");
        }

        Tensor result;
        using (NoGrad())
        {
            result = ReduceOps.Extreme(Reshape(-1), 0, max, op).Values.Reshape();
        }

        return result.WithGradFn(() => new ExtremeAllBackward(this, result), this);
    }

    private (Tensor Values, Tensor Indices) Extreme(int dim, bool keepDim, bool max, string op)
    {
        var d = ThrowHelper.Dim(op, dim, Dim);
        if (Dim == 0)
        {
            return (Detach().Clone().WithGradFn(() => new CloneBackward(this), this), Zeros([], DType.Int64));
        }

        var (values, indices) = ReduceOps.Extreme(this, d, max, op);
        values = values.WithGradFn(() => new ExtremeDimBackward(this, indices, d), this);
        return keepDim ? (values, indices) : (values.Squeeze(d), indices.Squeeze(d));
    }
}
