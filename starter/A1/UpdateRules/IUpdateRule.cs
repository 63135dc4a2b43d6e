// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A1;

/// <summary>A first-order update rule for one parameter: it keeps that parameter's state (velocity, moments) between steps.</summary>
public interface IUpdateRule
{
    /// <summary>Gets or sets the learning rate (the solver decays it after each epoch).</summary>
    double LearningRate { get; set; }

    /// <summary>Returns the updated parameter.</summary>
    /// <param name="w">The current parameter.</param>
    /// <param name="dw">The loss's gradient with respect to it (same shape).</param>
    /// <returns>The next value of the parameter (a new tensor; <paramref name="w"/> is left as it is).</returns>
    Tensor Step(Tensor w, Tensor dw);
}
