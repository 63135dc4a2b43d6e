using System.Numerics;
using Autograder.Kernels.Normalization;

namespace Autograder.Tensors.Ops;

/// <summary>Batch normalisation on the fused kernel (no graph): the forward pass and its gradients.</summary>
internal static class NormalizationOps
{
    /// <summary>What backward needs: the statistics used (μ and 1/√(σ² + ε), per channel) and whether they were the batch's own.</summary>
    public sealed record BatchNormState(Tensor Mean, Tensor InverseStd, bool Training);

    /// <summary>
    /// Normalises (N, C, H, W) with the batch's statistics (<paramref name="training"/>; also returned, the variance biased) or
    /// with <paramref name="fixedMean"/> and <paramref name="fixedVariance"/>, then applies γ and β (either may be null).
    /// </summary>
    public static (Tensor Output, BatchNormState State, Tensor Variance) BatchNormForward(Tensor input, Tensor? fixedMean, Tensor? fixedVariance, Tensor? weight, Tensor? bias, bool training, double eps)
    {
        var (n, c) = (input.Shape[0], input.Shape[1]);
        var x = StridedCopy.AsContiguous(input);
        var output = Tensor.Uninitialized(input.ShapeArray, input.DType);
        Tensor mean, variance;
        if (training)
        {
            (mean, variance) = (Tensor.Uninitialized([c], input.DType), Tensor.Uninitialized([c], input.DType));
        }
        else
        {
            (mean, variance) = (StridedCopy.AsContiguous(fixedMean!), StridedCopy.AsContiguous(fixedVariance!));
        }

        var inverseStd = Tensor.Uninitialized([c], input.DType);
        if (input.DType == DType.Float32)
        {
            Forward<float>(x, n, c, mean, variance, inverseStd, weight, bias, training, eps, output);
        }
        else
        {
            Forward<double>(x, n, c, mean, variance, inverseStd, weight, bias, training, eps, output);
        }

        return (output, new BatchNormState(mean, inverseStd, training), variance);
    }

    /// <summary>The gradients with respect to the input, γ and β, each only when wanted.</summary>
    public static (Tensor? Input, Tensor? Weight, Tensor? Bias) BatchNormBackward(Tensor gradOutput, Tensor input, Tensor? weight, BatchNormState state, bool wantInput, bool wantWeight, bool wantBias)
    {
        var (n, c) = (input.Shape[0], input.Shape[1]);
        var dy = StridedCopy.AsContiguous(gradOutput);
        var x = StridedCopy.AsContiguous(input);
        var w = weight is null ? null : StridedCopy.AsContiguous(weight);
        var dx = wantInput ? Tensor.Uninitialized(input.ShapeArray, input.DType) : null;
        var dw = wantWeight ? Tensor.Uninitialized([c], input.DType) : null;
        var db = wantBias ? Tensor.Uninitialized([c], input.DType) : null;
        if (input.DType == DType.Float32)
        {
            BatchNorm.Backward<float>(dy.ContiguousSpan<float>(), x.ContiguousSpan<float>(), n, c, state.Mean.ContiguousSpan<float>(), state.InverseStd.ContiguousSpan<float>(),
                w is null ? [] : w.ContiguousSpan<float>(), state.Training, Span(dx), Span(dw), Span(db));
        }
        else
        {
            BatchNorm.Backward<double>(dy.ContiguousSpan<double>(), x.ContiguousSpan<double>(), n, c, state.Mean.ContiguousSpan<double>(), state.InverseStd.ContiguousSpan<double>(),
                w is null ? [] : w.ContiguousSpan<double>(), state.Training, SpanD(dx), SpanD(dw), SpanD(db));
        }

        return (dx, dw, db);

        static Span<float> Span(Tensor? t) => t is null ? [] : t.ContiguousSpan<float>();
        static Span<double> SpanD(Tensor? t) => t is null ? [] : t.ContiguousSpan<double>();
    }

    private static void Forward<T>(Tensor x, int n, int c, Tensor mean, Tensor variance, Tensor inverseStd, Tensor? weight, Tensor? bias, bool training, double eps, Tensor output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (training)
        {
            BatchNorm.Statistics<T>(x.ContiguousSpan<T>(), n, c, mean.ContiguousSpan<T>(), variance.ContiguousSpan<T>());
        }

        var mu = mean.ContiguousSpan<T>();
        var sigma2 = variance.ContiguousSpan<T>();
        var invStd = inverseStd.ContiguousSpan<T>();
        var gamma = weight is null ? null : StridedCopy.AsContiguous(weight).ToArray<T>();
        var beta = bias is null ? null : StridedCopy.AsContiguous(bias).ToArray<T>();
        var (scale, shift) = (new T[c], new T[c]);
        var epsilon = T.CreateTruncating(eps);
        for (var ch = 0; ch < c; ch++)
        {
            invStd[ch] = T.One / T.Sqrt(sigma2[ch] + epsilon);
            scale[ch] = (gamma is null ? T.One : gamma[ch]) * invStd[ch];
            shift[ch] = (beta is null ? T.Zero : beta[ch]) - (mu[ch] * scale[ch]);
        }

        BatchNorm.Affine<T>(x.ContiguousSpan<T>(), n, c, scale, shift, output.ContiguousSpan<T>());
    }
}
