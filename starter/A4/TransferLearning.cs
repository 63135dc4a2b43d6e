// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;
using Autograder.Tensors.Models;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;

namespace Homework.A4;

/// <summary>One epoch's measurements: the mean loss and the accuracy of the training phase and of the validation phase.</summary>
/// <param name="TrainLoss">Σ over batches of the batch's mean loss × its size, over the number of training images.</param>
/// <param name="TrainAccuracy">Correct training predictions (made while training) over the number of training images.</param>
/// <param name="ValLoss">The same for the validation images, in evaluation mode.</param>
/// <param name="ValAccuracy">Correct validation predictions over the number of validation images.</param>
public sealed record EpochResult(double TrainLoss, double TrainAccuracy, double ValLoss, double ValAccuracy);

/// <summary>
/// PyTorch's transfer-learning tutorial on the nn library: the general training loop, predictions to look at, and the two
/// ways to reuse a pretrained network (finetune everything, or freeze it and train a new final layer).
/// </summary>
public static class TransferLearning
{
    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs, each a training phase (training mode: cross-entropy, backward, an optimizer
    /// step per batch) then, after <paramref name="scheduler"/>'s step, a validation phase (evaluation mode, no gradients);
    /// keeps the weights of the epoch with the best validation accuracy (the first, on a tie) and restores them at the end.
    /// </summary>
    /// <param name="model">The network: images (N, 3, H, W) to class scores (N, K).</param>
    /// <param name="trainBatches">The training batches of an epoch (called once per epoch): images and int64 labels.</param>
    /// <param name="valBatches">The validation batches (called once per epoch).</param>
    /// <param name="optimizer">Updates the parameters to train.</param>
    /// <param name="scheduler">Steps once per epoch after the training phase, or null.</param>
    /// <param name="epochs">How many epochs.</param>
    /// <returns>Each epoch's measurements, in order.</returns>
    public static IReadOnlyList<EpochResult> TrainModel(Module<Tensor, Tensor> model, Func<IEnumerable<(Tensor Images, Tensor Labels)>> trainBatches,
        Func<IEnumerable<(Tensor Images, Tensor Labels)>> valBatches, Optimizer optimizer, LRScheduler? scheduler, int epochs)
    {
        throw new NotImplementedException("TODO: per epoch: model.Train(), then for each batch optimizer.ZeroGrad(), Functional.CrossEntropy(model.Call(x), y), Backward, optimizer.Step(), adding loss × batch size and the correct ArgMax(1) predictions; scheduler?.Step(); then model.Eval() and, inside 'using var scope = Tensor.NoGrad();', the same without the updates; keep model.StateDict() when the validation accuracy beats the best so far; model.LoadStateDict(best) at the end");
    }

    /// <summary>The predicted class of each of the first <paramref name="count"/> images, in evaluation mode; the model's mode is restored afterwards.</summary>
    /// <param name="model">The network.</param>
    /// <param name="images">(N, 3, H, W).</param>
    /// <param name="count">How many images, from the first.</param>
    /// <returns>The predicted classes, <paramref name="count"/> of them.</returns>
    public static long[] VisualizeModel(Module<Tensor, Tensor> model, Tensor images, int count)
    {
        throw new NotImplementedException("TODO: remember model.Training, model.Eval(), predict under Tensor.NoGrad() with ArgMax(1) on images.Narrow(0, 0, count), then model.Train(the remembered mode)");
    }

    /// <summary>
    /// Finetuning: the pretrained network with its final layer replaced by a new linear layer to <paramref name="classes"/>
    /// outputs; every parameter, old and new, stays trainable.
    /// </summary>
    /// <param name="model">The pretrained network (changed in place and returned).</param>
    /// <param name="classes">The number of classes of the new task.</param>
    /// <param name="generator">Initialises the new layer.</param>
    /// <returns>The model.</returns>
    public static ResNet Finetune(ResNet model, int classes, Generator generator)
    {
        throw new NotImplementedException("TODO: model.Fc = new Linear(ResNet.FeatureCount, classes, generator: generator)");
    }

    /// <summary>
    /// The pretrained network as a fixed feature extractor: every pretrained parameter frozen (no gradient), the final layer
    /// replaced by a new linear layer to <paramref name="classes"/> outputs, which alone is trained.
    /// </summary>
    /// <param name="model">The pretrained network (changed in place).</param>
    /// <param name="classes">The number of classes of the new task.</param>
    /// <param name="generator">Initialises the new layer.</param>
    /// <returns>The parameters to give the optimizer: the new layer's, and only those.</returns>
    public static IReadOnlyList<Tensor> Freeze(ResNet model, int classes, Generator generator)
    {
        throw new NotImplementedException("TODO: set RequiresGrad = false on every tensor of model.Parameters() before replacing model.Fc; return [.. model.Fc.Parameters()]");
    }
}
