using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;

namespace Homework.A6;

/// <summary>
/// Training and evaluating either translator. Both are called through <c>translate</c>, which maps a batch to scores (or
/// log-probabilities) over the target vocabulary for target words 1 … T − 1, (N, T − 1, V): the Seq2Seq decodes T − 1
/// words, the Transformer's scores at positions 1 … T − 1 are taken.
/// </summary>
public static class TranslationTraining
{
    /// <summary>
    /// One pass over the batches in training mode: for each, clear the gradients, the cross-entropy of the scores against
    /// target words 1 … T − 1 with the padding ignored (mean over the real words), backward, clip the gradients' total norm to
    /// <paramref name="clip"/>, one optimizer step.
    /// </summary>
    /// <param name="model">The model to train (its mode is set to training).</param>
    /// <param name="translate">The model's scores for a batch, (N, T − 1, V).</param>
    /// <param name="optimizer">An optimizer over the model's parameters.</param>
    /// <param name="batches">The training batches.</param>
    /// <param name="clip">The largest total gradient norm (the assignment: 0.5).</param>
    /// <returns>The mean cross-entropy per real target word over the epoch (each batch's loss weighted by its number of real words).</returns>
    public static double TrainEpoch(Module model, Func<TranslationBatch, Tensor> translate, Optimizer optimizer, IEnumerable<TranslationBatch> batches, double clip = 0.5)
    {
        // BEGIN SOLUTION (hint: model.Train(); per batch ZeroGrad, scores = translate(batch), targets = batch.Target.Narrow(1, 1, T − 1); Functional.CrossEntropy(scores.Reshape(-1, V), targets.Reshape(-1), ignoreIndex: SpecialTokens.Padding); Backward; GradientClipping.ClipGradNorm(model.Parameters(), clip); Step; weight each loss by targets.Ne(SpecialTokens.Padding)'s count)
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(translate);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(batches);
        model.Train();
        var (total, words) = (0.0, 0L);
        foreach (var batch in batches)
        {
            optimizer.ZeroGrad();
            var (loss, count) = Loss(translate(batch), batch.Target);
            loss.Backward();
            GradientClipping.ClipGradNorm(model.Parameters(), clip);
            optimizer.Step();
            (total, words) = (total + (loss.Item() * count), words + count);
        }

        return total / Math.Max(words, 1);
        // END SOLUTION
    }

    /// <summary>
    /// The mean cross-entropy per real target word over the batches, in evaluation mode without building a graph; the model
    /// is returned to the mode it was in. Its exponential is the perplexity.
    /// </summary>
    /// <param name="model">The model to evaluate.</param>
    /// <param name="translate">The model's scores for a batch, (N, T − 1, V).</param>
    /// <param name="batches">The evaluation batches.</param>
    /// <returns>The mean cross-entropy per real target word.</returns>
    public static double Evaluate(Module model, Func<TranslationBatch, Tensor> translate, IEnumerable<TranslationBatch> batches)
    {
        // BEGIN SOLUTION (hint: remember model.Training; model.Eval(); a Tensor.NoGrad() scope; the same loss as TrainEpoch, weighted by real words; model.Train(training) at the end)
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(translate);
        ArgumentNullException.ThrowIfNull(batches);
        var training = model.Training;
        model.Eval();
        try
        {
            using var noGrad = Tensor.NoGrad();
            var (total, words) = (0.0, 0L);
            foreach (var batch in batches)
            {
                var (loss, count) = Loss(translate(batch), batch.Target);
                (total, words) = (total + (loss.Item() * count), words + count);
            }

            return total / Math.Max(words, 1);
        }
        finally
        {
            model.Train(training);
        }

        // END SOLUTION
    }

    // BEGIN SOLUTION REMOVE (hint: a helper for the loss both methods compute, if you like)
    private static (Tensor Loss, long Words) Loss(Tensor scores, Tensor target)
    {
        var targets = target.Narrow(1, 1, target.Shape[1] - 1);
        var loss = Functional.CrossEntropy(scores.Reshape(-1, scores.Shape[2]), targets.Reshape(-1), ignoreIndex: SpecialTokens.Padding);
        return (loss, (long)targets.Ne(SpecialTokens.Padding).Sum().Item());
    }

    // END SOLUTION
}
