// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;
using Autograder.Tensors.Optim;

namespace Homework.A5;

/// <summary>The training loop: epochs of training, each followed by the development accuracy, and the best epoch's weights kept.</summary>
public static class TrainingLoop
{
    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs with <see cref="SentimentTraining.TrainEpoch"/> on the training batches only; after each epoch,
    /// the accuracy of <see cref="SentimentTraining.Predict"/> on the development batches. The model ends with the weights of the epoch whose
    /// development accuracy was highest (the earliest such epoch on a tie), not those of the last epoch.
    /// </summary>
    /// <param name="model">The model to train.</param>
    /// <param name="optimizer">An optimizer over the model's parameters.</param>
    /// <param name="trainBatches">Gives the training batches of one epoch (a new order each call).</param>
    /// <param name="devBatches">The development batches, labelled: used to choose the epoch, never to train.</param>
    /// <param name="epochs">The number of epochs.</param>
    /// <param name="progress">Told the epoch (from 0) before it starts; null to ignore.</param>
    /// <returns>Each epoch's mean training loss and development accuracy, and the chosen epoch (from 0).</returns>
    public static TrainingHistory Fit(SentenceClassifier model, Optimizer optimizer, Func<IEnumerable<SentenceBatch>> trainBatches, IReadOnlyList<SentenceBatch> devBatches, int epochs, Action<int>? progress = null)
    {
        throw new NotImplementedException("TODO: per epoch TrainEpoch(model, optimizer, trainBatches()), then Predict on devBatches compared with their labels; keep a copy of model.StateDict() (Detach().Clone() of each tensor) when the accuracy beats the best so far; model.LoadStateDict(best) at the end");
    }
}
