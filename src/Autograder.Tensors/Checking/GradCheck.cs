using Autograder.Tensors.Autograd;

namespace Autograder.Tensors.Checking;

/// <summary>Gradient checking by central differences in float64: autograd against numbers, or any analytic gradient against any forward.</summary>
/// <remarks>
/// A non-scalar output f(x) is reduced to L = Σ f(x) ⊙ R with a seeded random R, so one backward pass checks the whole
/// Jacobian-vector product; numeric gradients are (L(x + h eᵢ) − L(x − h eᵢ)) / 2h.
/// </remarks>
public static class GradCheck
{
    /// <summary>Checks autograd's gradients of <paramref name="function"/> with respect to each input against central differences.</summary>
    /// <param name="function">The function; it receives float64 copies of the inputs.</param>
    /// <param name="inputs">The points at which to check (converted to float64; integer inputs are passed through unchecked).</param>
    /// <param name="options">Step, tolerance, sampling and seed.</param>
    /// <param name="names">Optional names of the inputs, for messages.</param>
    public static GradCheckResult Check(Func<Tensor[], Tensor> function, Tensor[] inputs, GradCheckOptions? options = null, string[]? names = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= GradCheckOptions.Default;
        var points = inputs.Select(t => t.DType.IsFloatingPoint() ? t.Detach().To(DType.Float64).Clone().RequireGrad() : t).ToArray();
        var output = function(points);
        var projection = Tensor.Randn(new Generator(options.Seed), output.ShapeArray, DType.Float64);
        output.To(DType.Float64).Backward(projection);
        var results = new List<InputGradCheck>();
        for (var i = 0; i < points.Length; i++)
        {
            if (!points[i].DType.IsFloatingPoint())
            {
                continue;
            }

            var analytic = points[i].Grad ?? Tensor.ZerosLike(points[i]);
            var current = i;
            var numeric = Numerical(
                x =>
                {
                    var args = (Tensor[])points.Clone();
                    args[current] = x;
                    return function(args);
                },
                points[i].Detach(),
                projection,
                options);
            results.Add(Compare(names?.ElementAtOrDefault(i) ?? $"input {i}", analytic, numeric.Gradient, numeric.Elements, options.Tolerance));
        }

        return new GradCheckResult(results);
    }

    /// <summary>Central-difference gradient of Σ f(x) ⊙ upstream with respect to x (at sampled elements; others are NaN).</summary>
    /// <param name="function">The forward function (it may be a student's; it is called 2 × elements times).</param>
    /// <param name="x">The point (float64).</param>
    /// <param name="upstream">The upstream gradient, shaped like f(x).</param>
    /// <param name="options">Step, sampling and seed.</param>
    /// <returns>The numeric gradient and the flat indices of the elements that were computed.</returns>
    public static (Tensor Gradient, int[] Elements) Numerical(Func<Tensor, Tensor> function, Tensor x, Tensor upstream, GradCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(upstream);
        options ??= GradCheckOptions.Default;
        using var noGrad = GradMode.Disable();
        var point = x.To(DType.Float64).Clone();
        var up = upstream.To(DType.Float64);
        var elements = Sample(point.NumEl, options);
        var gradient = Tensor.Full(point.ShapeArray, double.NaN, DType.Float64);
        var values = point.Data<double>();
        var grad = gradient.Data<double>();
        foreach (var e in elements)
        {
            var saved = values[e];
            values[e] = saved + options.Step;
            point.Storage.BumpVersion();
            var plus = Project(function(point), up);
            values[e] = saved - options.Step;
            point.Storage.BumpVersion();
            var minus = Project(function(point), up);
            values[e] = saved;
            point.Storage.BumpVersion();
            grad[e] = (plus - minus) / (2 * options.Step);
        }

        return (gradient, elements);
    }

    /// <summary>Compares an analytic gradient with a numeric one at the given flat elements.</summary>
    /// <param name="name">The input's name.</param>
    /// <param name="analytic">The analytic gradient.</param>
    /// <param name="numeric">The numeric gradient (same shape).</param>
    /// <param name="elements">The flat indices to compare.</param>
    /// <param name="tolerance">The largest relative error that passes.</param>
    public static InputGradCheck Compare(string name, Tensor analytic, Tensor numeric, int[] elements, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(analytic);
        ArgumentNullException.ThrowIfNull(numeric);
        ArgumentNullException.ThrowIfNull(elements);
        if (!analytic.Shape.SequenceEqual(numeric.Shape))
        {
            ThrowHelper.Shape("GradCheck", $"the gradient of {name} has shape {ThrowHelper.Dims(analytic.Shape)} but the input has shape {ThrowHelper.Dims(numeric.Shape)}.");
        }

        var a = analytic.To(DType.Float64).Contiguous();
        var n = numeric.To(DType.Float64).Contiguous();
        double worst = 0, worstA = 0, worstN = 0;
        var worstAt = elements.Length > 0 ? elements[0] : 0;
        foreach (var e in elements)
        {
            double av = a.GetAsDouble(e), nv = n.GetAsDouble(e);
            var error = Math.Abs(av - nv) / Math.Max(1e-8, Math.Abs(av) + Math.Abs(nv));
            if (double.IsNaN(error) || error > worst)
            {
                (worst, worstA, worstN, worstAt) = (double.IsNaN(error) ? double.NaN : error, av, nv, e);
                if (double.IsNaN(error))
                {
                    break;
                }
            }
        }

        return new InputGradCheck(name, analytic.ShapeArray.ToArray(), worst, Unravel(worstAt, analytic.ShapeArray), worstA, worstN, elements.Length, worst <= tolerance);
    }

    private static double Project(Tensor output, Tensor upstream)
    {
        if (!output.Shape.SequenceEqual(upstream.Shape))
        {
            ThrowHelper.Shape("GradCheck", $"the function's output changed shape to {ThrowHelper.Dims(output.Shape)}; expected {ThrowHelper.Dims(upstream.Shape)}.");
        }

        return (output.To(DType.Float64) * upstream).Sum().Item();
    }

    private static int[] Sample(int count, GradCheckOptions options)
    {
        if (options.MaxElementsPerInput <= 0 || count <= options.MaxElementsPerInput)
        {
            return [.. Enumerable.Range(0, count)];
        }

        var order = Tensor.Randperm(new Generator(options.Seed + 1), count).ToArray<long>();
        return [.. order.Take(options.MaxElementsPerInput).Select(v => (int)v).Order()];
    }

    private static int[] Unravel(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }

        return index;
    }
}
