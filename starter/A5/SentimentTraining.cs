// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
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
        throw new NotImplementedException("TODO: model.Train(); per batch optimizer.ZeroGrad(), model.Forward, Functional.BinaryCrossEntropy on the probabilities (the model already applied the sigmoid), Backward(), optimizer.Step(); sum loss.Item() × batch.Count");
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
        throw new NotImplementedException("TODO: remember model.Training; model.Eval(); a Tensor.NoGrad() scope; Ge(Threshold).Long() of each batch's probabilities; Tensor.Cat; model.Train(training) at the end");
    }
}
