using System.Runtime.Intrinsics;

namespace Autograder.Tensors.NN;

/// <summary>Stateless layer functions and losses, as <c>torch.nn.functional</c> (import with <c>using F = Autograder.Tensors.NN.Functional;</c>).</summary>
public static class Functional
{
    /// <summary>softmax along a dimension.</summary>
    public static Tensor Softmax(Tensor input, int dim) => NotNull(input).Softmax(dim);

    /// <summary>log-softmax along a dimension.</summary>
    public static Tensor LogSoftmax(Tensor input, int dim) => NotNull(input).LogSoftmax(dim);

    /// <summary>max(x, 0).</summary>
    public static Tensor Relu(Tensor input) => NotNull(input).Relu();

    /// <summary>Zeroes elements with probability p and scales the rest by 1/(1−p) when training; the identity otherwise.</summary>
    public static Tensor Dropout(Tensor input, double p, bool training, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (!training || p == 0)
        {
            return NotNull(input);
        }

        if (p >= 1)
        {
            return input * 0.0;
        }

        return input * DropoutMask(generator, input.ShapeArray, input.DType, p);
    }

    /// <summary>keep / (1 − p) per element, keep meaning a uniform draw (in row-major order, rounded to the dtype) is at least p (also rounded):
    /// the values of Rand(…).Ge(p).To(dtype) * (1 / (1 − p)) in one pass instead of four.</summary>
    private static Tensor DropoutMask(Generator generator, int[] shape, DType dtype, double p)
    {
        var mask = Tensor.Uninitialized(shape, dtype);
        Span<double> block = stackalloc double[Tensor.UniformBlock];
        if (dtype == DType.Float32)
        {
            var values = mask.ContiguousSpan<float>();
            float threshold = (float)p, scale = (float)(1 / (1 - p));
            for (var start = 0; start < values.Length; start += block.Length)
            {
                var draws = block[..Math.Min(block.Length, values.Length - start)];
                generator.NextDoubles(draws);
                KeepMask(draws, threshold, scale, values.Slice(start, draws.Length));
            }
        }
        else
        {
            var values = mask.ContiguousSpan<double>();
            var scale = 1 / (1 - p);
            generator.NextDoubles(values);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = values[i] >= p ? scale : 0.0;
            }
        }

        return mask;
    }

    /// <summary>mask[i] = scale where (float)draws[i] ≥ threshold, else 0; vectorised and branch-free (a quarter or so of the draws fall
    /// below the threshold at random, which a branch would mispredict).</summary>
    private static void KeepMask(ReadOnlySpan<double> draws, float threshold, float scale, Span<float> mask)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> limit = Vector256.Create(threshold), kept = Vector256.Create(scale);
            for (; i <= draws.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var rounded = Vector256.Narrow(Vector256.Create(draws.Slice(i, 4)), Vector256.Create(draws.Slice(i + 4, 4)));
                (Vector256.GreaterThanOrEqual(rounded, limit) & kept).CopyTo(mask[i..]);
            }
        }

        for (; i < draws.Length; i++)
        {
            mask[i] = (float)draws[i] >= threshold ? scale : 0f;
        }
    }

    /// <summary>Negative log-likelihood of class-index targets given log-probabilities (N, C) or (N, C, d…).</summary>
    /// <param name="input">Log-probabilities, classes along dimension 1.</param>
    /// <param name="target">int64 class indices, (N) or (N, d…).</param>
    /// <param name="ignoreIndex">Targets equal to this contribute nothing (and are not counted in the mean).</param>
    /// <param name="reduction">Mean over counted targets, sum, or none.</param>
    public static Tensor NllLoss(Tensor input, Tensor target, long ignoreIndex = -100, Reduction reduction = Reduction.Mean)
    {
        var (flat, classes) = ClassesLast("NllLoss", input, target);
        var t = target.Reshape(-1);
        var valid = t.Ne(ignoreIndex);
        CheckTargets("NllLoss", t, valid, classes);
        var safe = Tensor.Where(valid, t, Tensor.Scalar(0, DType.Int64));
        var picked = flat.Gather(1, safe.Unsqueeze(1)).Squeeze(1);
        var losses = -(picked * valid);
        return reduction switch
        {
            Reduction.None => losses.Reshape(target.ShapeArray),
            Reduction.Sum => losses.Sum(),
            _ => losses.Sum() / valid.Sum().To(input.DType),
        };
    }

    /// <summary>Cross-entropy of class-index targets given unnormalised scores: NLL of log-softmax over dimension 1.</summary>
    public static Tensor CrossEntropy(Tensor input, Tensor target, long ignoreIndex = -100, Reduction reduction = Reduction.Mean) =>
        NllLoss(NotNull(input).LogSoftmax(1), target, ignoreIndex, reduction);

    /// <summary>Binary cross-entropy of probabilities in [0, 1] against targets in [0, 1] (logs clamped at −100, as in PyTorch).</summary>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckSameShape("BinaryCrossEntropy", input, target);
        Tensor losses;
        using (Tensor.NoGrad())
        {
            // Each log is clamped at −100 as in PyTorch, so a probability of exactly 0 or 1 costs at most 100, not infinity.
            losses = -((target * input.Log().Clamp(min: -100)) + ((1.0 - target) * (1.0 - input).Log().Clamp(min: -100)));
        }

        return Reduce(losses.WithGradFn(() => new Autograd.Functions.BinaryCrossEntropyBackward(input, target.Detach()), input), reduction);
    }

    /// <summary>Binary cross-entropy on logits, computed stably: max(x, 0) − x·y + log(1 + e^−|x|).</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckSameShape("BinaryCrossEntropyWithLogits", input, target);
        var losses = input.Relu() - (input * target) + ((-input.Abs()).Exp() + 1.0).Log();
        return Reduce(losses, reduction);
    }

    /// <summary>Mean squared error.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckSameShape("MseLoss", input, target);
        return Reduce((input - target).Square(), reduction);
    }

    /// <summary>
    /// One LSTM step's element-wise part, fused: from the pre-activations (N, 4H) in PyTorch's gate order (input, forget, cell,
    /// output) and the previous cell state c (N, H), returns h' = σ(o)·tanh(c') and c' = σ(f)·c + σ(i)·tanh(g).
    /// </summary>
    /// <remarks>
    /// The same values as the composed expression, recorded as one graph node instead of fourteen (a recurrent layer pays
    /// that per step); h' and c' are views of one (2, N, H) result.
    /// </remarks>
    public static (Tensor H, Tensor C) LstmCell(Tensor preactivations, Tensor cell)
    {
        ArgumentNullException.ThrowIfNull(preactivations);
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Dim != 2 || preactivations.Dim != 2 || preactivations.Shape[0] != cell.Shape[0] || preactivations.Shape[1] != 4 * cell.Shape[1])
        {
            ThrowHelper.Shape("LstmCell", $"expected pre-activations (N, 4H) and a cell state (N, H); got {ThrowHelper.Dims(preactivations.Shape)} and {ThrowHelper.Dims(cell.Shape)}.");
        }

        if (!cell.DType.IsFloatingPoint() || preactivations.DType != cell.DType)
        {
            ThrowHelper.DTypeError("LstmCell", $"expected floating-point tensors of one dtype; got {preactivations.DType.Name()} and {cell.DType.Name()}.");
        }

        var (output, gates, tanhCell) = Ops.RecurrentOps.LstmCellForward(preactivations, cell);
        output.WithGradFn(() => new Autograd.Functions.LstmCellBackward(preactivations, cell, gates, tanhCell), preactivations, cell);
        return (output.Select(0, 0), output.Select(0, 1));
    }

    /// <summary>
    /// Batch normalisation, as <c>torch.nn.functional.batch_norm</c>: over (N, C, …), each channel normalised with the batch's
    /// mean and biased variance (<paramref name="training"/>) or with the running statistics, then scaled by γ and shifted by β.
    /// In training, given running statistics are updated in place: r ← (1 − momentum) r + momentum · statistic (the variance
    /// unbiased). One fused graph node: its backward pass is two passes over the data, not a chain of element-wise nodes.
    /// </summary>
    /// <param name="input">(N, C, …), float32 or float64.</param>
    /// <param name="runningMean">(C), or null (then <paramref name="training"/> must be true).</param>
    /// <param name="runningVar">(C), or null.</param>
    /// <param name="weight">γ, (C), or null for 1.</param>
    /// <param name="bias">β, (C), or null for 0.</param>
    /// <param name="training">Whether to use (and record) the batch's statistics.</param>
    /// <param name="momentum">The running statistics' update weight.</param>
    /// <param name="eps">Added to the variance.</param>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
    {
        var (output, mean, variance) = BatchNormWithStatistics(input, runningMean, runningVar, weight, bias, training, eps);
        if (training && runningMean is not null && runningVar is not null)
        {
            using var scope = Tensor.NoGrad();
            var count = input.NumEl / input.Shape[1];
            runningMean.CopyFrom((runningMean * (1 - momentum)) + (mean * momentum));
            runningVar.CopyFrom((runningVar * (1 - momentum)) + (variance * (momentum * count / Math.Max(count - 1.0, 1.0))));
        }

        return output;
    }

    /// <summary>Batch normalisation (see <see cref="BatchNorm"/>) returning also the statistics used, (C) each; the running statistics are not touched.</summary>
    internal static (Tensor Output, Tensor Mean, Tensor Variance) BatchNormWithStatistics(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias, bool training, double eps)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim < 2 || input.NumEl == 0)
        {
            ThrowHelper.Shape("BatchNorm", $"expected input (N, C, …) with values; got {ThrowHelper.Dims(input.Shape)}.");
        }

        var channels = input.Shape[1];
        if (!input.DType.IsFloatingPoint())
        {
            ThrowHelper.DTypeError("BatchNorm", $"expected a floating-point input; got {input.DType.Name()}.");
        }

        foreach (var (name, t) in new[] { ("running_mean", runningMean), ("running_var", runningVar), ("weight", weight), ("bias", bias) })
        {
            if (t is not null && (t.Dim != 1 || t.Shape[0] != channels || t.DType != input.DType))
            {
                ThrowHelper.Shape("BatchNorm", $"{name} must be ({channels},) of {input.DType.Name()} for {channels} channels; got {ThrowHelper.Dims(t.Shape)} of {t.DType.Name()}.");
            }
        }

        if (!training && (runningMean is null || runningVar is null))
        {
            ThrowHelper.Shape("BatchNorm", "evaluation mode needs the running mean and variance.");
        }

        if (training && input.NumEl / channels < 2)
        {
            ThrowHelper.Shape("BatchNorm", $"expected more than 1 value per channel when training; got input {ThrowHelper.Dims(input.Shape)}.");
        }

        var (output, state, variance) = Ops.NormalizationOps.BatchNormForward(input, runningMean, runningVar, weight, bias, training, eps);
        Tensor[] inputs = [input, .. new[] { weight, bias }.OfType<Tensor>()];
        output.WithGradFn(() => new Autograd.Functions.BatchNormBackward(input, weight, bias, state), inputs);
        return (output, state.Mean, variance);
    }

    /// <summary>
    /// One LSTM layer over a whole sequence as one graph node: from the projected inputs (T, N, 4H), W_hh, the biases,
    /// and the initial (h0, c0), the outputs (T, N, H) and each sequence's final (h, c).
    /// </summary>
    /// <param name="projected">(T, N, 4H): x W_ihᵀ.</param>
    /// <param name="weightHh">(4H, H): W_hh.</param>
    /// <param name="bias">(4H): b_ih + b_hh, or null.</param>
    /// <param name="h0">(N, H): the initial hidden state.</param>
    /// <param name="c0">(N, H): the initial cell state.</param>
    /// <param name="running">For each step, how many sequences (a prefix of the batch, sorted longest first) are still running.</param>
    internal static (Tensor Output, Tensor H, Tensor C) LstmLayer(Tensor projected, Tensor weightHh, Tensor? bias, Tensor h0, Tensor c0, int[] running)
    {
        var (result, saved) = Ops.RecurrentOps.LstmSequenceForward(projected, weightHh, bias, h0, c0, running);
        Tensor[] inputs = bias is null ? [projected, weightHh, h0, c0] : [projected, weightHh, bias, h0, c0];
        result.WithGradFn(() => new Autograd.Functions.LstmSequenceBackward(projected, weightHh, bias, h0, c0, saved, running), inputs);
        var steps = running.Length;
        return (result.Slice(0, 0, steps), result.Select(0, steps), result.Select(0, steps + 1));
    }

    /// <summary>One Elman RNN layer over a whole sequence as one graph node (see <see cref="LstmLayer"/>): the outputs (T, N, H) and each sequence's final h.</summary>
    /// <param name="projected">(T, N, H): x W_ihᵀ.</param>
    /// <param name="weightHh">(H, H): W_hh.</param>
    /// <param name="bias">(H): b_ih + b_hh, or null.</param>
    /// <param name="h0">(N, H): the initial state.</param>
    /// <param name="running">For each step, how many sequences (a prefix of the batch, sorted longest first) are still running.</param>
    /// <param name="relu">Whether the nonlinearity is ReLU rather than tanh.</param>
    internal static (Tensor Output, Tensor H) RnnLayer(Tensor projected, Tensor weightHh, Tensor? bias, Tensor h0, int[] running, bool relu)
    {
        var (result, hidden) = Ops.RecurrentOps.RnnSequenceForward(projected, weightHh, bias, h0, running, relu);
        Tensor[] inputs = bias is null ? [projected, weightHh, h0] : [projected, weightHh, bias, h0];
        result.WithGradFn(() => new Autograd.Functions.RnnSequenceBackward(projected, weightHh, bias, h0, hidden, running, relu), inputs);
        return (result.Slice(0, 0, running.Length), result.Select(0, running.Length));
    }

    /// <summary>Cosine similarity along a dimension: Σ x₁x₂ / max(‖x₁‖·‖x₂‖, eps).</summary>
    public static Tensor CosineSimilarity(Tensor x1, Tensor x2, int dim = 1, double eps = 1e-8)
    {
        var dot = (NotNull(x1) * NotNull(x2)).Sum(dim);
        var norms = x1.Square().Sum(dim).Sqrt() * x2.Square().Sum(dim).Sqrt();
        return dot / norms.Clamp(min: eps);
    }

    internal static Tensor NotNull(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input;
    }

    private static Tensor Reduce(Tensor losses, Reduction reduction) => reduction switch
    {
        Reduction.None => losses,
        Reduction.Sum => losses.Sum(),
        _ => losses.Mean(),
    };

    private static void CheckSameShape(string op, Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (!input.Shape.SequenceEqual(target.Shape))
        {
            ThrowHelper.Shape(op, $"the target's shape {ThrowHelper.Dims(target.Shape)} must equal the input's shape {ThrowHelper.Dims(input.Shape)}.");
        }
    }

    /// <summary>Returns the input as (N·d…, C) and the class count, after checking the target's shape.</summary>
    private static (Tensor Flat, int Classes) ClassesLast(string op, Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (target.DType != DType.Int64)
        {
            ThrowHelper.DTypeError(op, $"targets must be int64 class indices; got {target.DType.Name()}. Use target.Long().");
        }

        var expected = input.Dim >= 2 ? (int[])[input.Shape[0], .. input.Shape[2..].ToArray()] : [];
        if (input.Dim < 2 || !target.Shape.SequenceEqual(expected))
        {
            ThrowHelper.Shape(op, $"expected input (N, C) or (N, C, d…) and target (N) or (N, d…); got input {ThrowHelper.Dims(input.Shape)} and target {ThrowHelper.Dims(target.Shape)}.");
        }

        var classes = input.Shape[1];
        var flat = input.Dim == 2 ? input : input.Transpose(1, -1).Reshape(-1, classes);
        return (flat, classes);
    }

    private static void CheckTargets(string op, Tensor targets, Tensor valid, int classes)
    {
        var values = targets.ToArray<long>();
        var mask = valid.ToArray<bool>();
        for (var i = 0; i < values.Length; i++)
        {
            if (mask[i] && (values[i] < 0 || values[i] >= classes))
            {
                ThrowHelper.Shape(op, $"target {values[i]} at position {i} is out of bounds for {classes} classes.");
            }
        }
    }
}
