// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A1;

/// <summary>Vanilla stochastic gradient descent: w ← w − learningRate · dw.</summary>
/// <param name="learningRate">The step size.</param>
public sealed class Sgd(double learningRate) : IUpdateRule
{
    /// <inheritdoc/>
    public double LearningRate { get; set; } = learningRate;

    /// <inheritdoc/>
    public Tensor Step(Tensor w, Tensor dw) => w - (LearningRate * dw);
}
