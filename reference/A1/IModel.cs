using Autograder.Tensors;

namespace Homework.A1;

/// <summary>A model the <see cref="Solver"/> can train: named parameters, class scores, and a loss with its gradients.</summary>
public interface IModel
{
    /// <summary>Gets the parameters by name (e.g. <c>W1</c>, <c>b1</c>); the solver replaces entries with updated tensors.</summary>
    IDictionary<string, Tensor> Parameters { get; }

    /// <summary>Computes class scores for a minibatch.</summary>
    /// <param name="x">Inputs, one example per row of the first dimension: (N, D) for a fully-connected net, (N, C, H, W) for a convolutional one.</param>
    /// <returns>Scores, (N, C).</returns>
    Tensor Scores(Tensor x);

    /// <summary>Computes the loss of a minibatch and the gradient of every parameter.</summary>
    /// <param name="x">Inputs, one example per row of the first dimension: (N, D) for a fully-connected net, (N, C, H, W) for a convolutional one.</param>
    /// <param name="y">Correct classes, (N) int64.</param>
    /// <returns>The loss and, for each name in <see cref="Parameters"/>, its gradient (same shape).</returns>
    (double Loss, IReadOnlyDictionary<string, Tensor> Gradients) Loss(Tensor x, Tensor y);
}
