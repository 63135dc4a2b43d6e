using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;

namespace Homework.A5;

/// <summary>One epoch of training and the predictions, shared by the five models.</summary>
public static class SentimentTraining
{
    /// <summary>The threshold on the probability: a sentence whose probability is at least this is predicted positive.</summary>
    public const double Threshold = 0.5;

    /// <summary>
    /// One pass over the batches in training mode: for each, clear the gradients, the binary cross-entropy between the
    /// model's probabilities and the labels (mean over the batch), backward, one optimizer step.
    /// </summary>
    /// <param name="model">The model to train.</param>
    /// <param name="optimizer">An optimizer over the model's parameters.</param>
    /// <param name="batches">Labelled minibatches.</param>
    /// <returns>The mean loss over all sentences of the epoch (each batch's loss weighted by its size).</returns>
    public static double TrainEpoch(SentenceClassifier model, Optimizer optimizer, IEnumerable<SentenceBatch> batches)
    {
        // BEGIN SOLUTION (hint: model.Train(); per batch optimizer.ZeroGrad(), model.Forward, Functional.BinaryCrossEntropy on the probabilities (the model already applied the sigmoid), Backward(), optimizer.Step(); sum loss.Item() × batch.Count)
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(batches);
        model.Train();
        var (total, count) = (0.0, 0);
        foreach (var batch in batches)
        {
            optimizer.ZeroGrad();
            var probabilities = model.Forward(batch.Tokens, batch.Lengths);
            var loss = Functional.BinaryCrossEntropy(probabilities, batch.Labels!.To(probabilities.DType));
            loss.Backward();
            optimizer.Step();
            (total, count) = (total + (loss.Item() * batch.Count), count + batch.Count);
        }

        return total / Math.Max(count, 1);
        // END SOLUTION
    }

    /// <summary>
    /// The predicted label of every sentence, in order: 1 where the probability is at least <see cref="Threshold"/>, else 0;
    /// in evaluation mode without building a graph, the model returned to the mode it was in.
    /// </summary>
    /// <param name="model">A trained model.</param>
    /// <param name="batches">Minibatches (their labels, if any, are not read).</param>
    /// <returns>(number of sentences) int64 of zeros and ones.</returns>
    public static Tensor Predict(SentenceClassifier model, IEnumerable<SentenceBatch> batches)
    {
        // BEGIN SOLUTION (hint: remember model.Training; model.Eval(); a Tensor.NoGrad() scope; Ge(Threshold).Long() of each batch's probabilities; Tensor.Cat; model.Train(training) at the end)
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batches);
        var training = model.Training;
        model.Eval();
        try
        {
            using var noGrad = Tensor.NoGrad();
            var predictions = batches.Select(b => model.Forward(b.Tokens, b.Lengths).Ge(Threshold).Long()).ToList();
            return predictions.Count == 0 ? Tensor.Zeros([0], DType.Int64) : Tensor.Cat(predictions);
        }
        finally
        {
            model.Train(training);
        }

        // END SOLUTION
    }
}
