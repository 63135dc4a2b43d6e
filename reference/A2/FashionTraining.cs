using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;

namespace Homework.A2;

/// <summary>The training loop and the evaluation for <see cref="FashionCnn"/> (or any model that returns log-probabilities), as in PyTorch.</summary>
public static class FashionTraining
{
    /// <summary>One pass over the training batches.</summary>
    /// <remarks>
    /// Puts the model in training mode; for each batch: zero the gradients, the negative log-likelihood loss (mean over the
    /// batch) of the model's log-probabilities, backward, one optimizer step.
    /// </remarks>
    /// <param name="model">A model returning log-probabilities (N, classes).</param>
    /// <param name="optimizer">The optimizer over the model's parameters.</param>
    /// <param name="batches">Inputs and their classes (N) int64.</param>
    /// <returns>The epoch's mean loss: each batch's loss weighted by its number of examples.</returns>
    public static double TrainEpoch(Module<Tensor, Tensor> model, Optimizer optimizer, IEnumerable<(Tensor X, Tensor Y)> batches)
    {
        // BEGIN SOLUTION (hint: model.Train(); then per batch optimizer.ZeroGrad(), Functional.NllLoss(model.Call(x), y), Backward(), optimizer.Step())
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(batches);
        model.Train();
        var (total, count) = (0.0, 0);
        foreach (var (x, y) in batches)
        {
            optimizer.ZeroGrad();
            var loss = Functional.NllLoss(model.Call(x), y);
            loss.Backward();
            optimizer.Step();
            total += loss.Item() * y.Shape[0];
            count += y.Shape[0];
        }

        return total / count;
        // END SOLUTION
    }

    /// <summary>The fraction of examples whose most probable class is the label, in evaluation mode and without building a graph.</summary>
    /// <param name="model">A model returning (log-)probabilities or scores (N, classes).</param>
    /// <param name="batches">Inputs and their classes (N) int64.</param>
    /// <returns>The accuracy in [0, 1].</returns>
    public static double Accuracy(Module<Tensor, Tensor> model, IEnumerable<(Tensor X, Tensor Y)> batches)
    {
        // BEGIN SOLUTION (hint: model.Eval() and a Tensor.NoGrad() scope; compare ArgMax(1) with the labels)
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batches);
        model.Eval();
        using var noGrad = Tensor.NoGrad();
        var (correct, count) = (0L, 0);
        foreach (var (x, y) in batches)
        {
            correct += (long)model.Call(x).ArgMax(1).Eq(y).To(DType.Float64).Sum().Item();
            count += y.Shape[0];
        }

        return (double)correct / count;
        // END SOLUTION
    }
}
