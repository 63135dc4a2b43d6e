using Autograder.Tensors;
using Homework.A1;

namespace Autograder.Host.Checks.A1.Support;

/// <summary>Plain SGD written by the grader, so the Solver's checks do not depend on the student's update rules.</summary>
internal sealed class ProbeSgd(double learningRate) : IUpdateRule
{
    public double LearningRate { get; set; } = learningRate;

    public Tensor Step(Tensor w, Tensor dw) => w - (LearningRate * dw);
}
