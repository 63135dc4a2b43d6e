using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.A1.Support;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>Solver.Step on given minibatches, with the grader's own model and SGD: the parameters and the loss history after three steps.</summary>
internal sealed class SolverStepCheck() : A1Check("a1.solver_step", "Solver.Step: loss, gradients, one update per parameter", 2, "Homework.A1.Solver.Step")
{
    /// <summary>Update rules change the weights they are given (in place is as right as a new tensor).</summary>
    protected override bool UpdatesInputs => true;

    public override Observation Probe(ProbeContext context)
    {
        var model = new ProbeModel(context.Randn(4, 3) * 0.1, context.Randn(3) * 0.1);
        var (x, y) = (context.Randn(12, 4), context.Randint(0, 3, 12));
        var solver = new Solver(model, new TrainingData(x, y, x, y), new SolverOptions { UpdateRule = () => new ProbeSgd(0.5) });
        for (var step = 0; step < 3; step++)
        {
            solver.Step(x.Narrow(0, 4 * step, 4), y.Narrow(0, 4 * step, 4));
        }

        return new Observation
        {
            ["W"] = model.Parameters["W"],
            ["b"] = model.Parameters["b"],
            ["losses"] = Autograder.Tensors.Tensor.FromArray(solver.LossHistory.ToArray(), solver.LossHistory.Count),
        };
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Value("loss history", student["losses"], expected["losses"])
        .Value("W after three steps", student["W"], expected["W"], weight: 0.5)
        .Value("b after three steps", student["b"], expected["b"], weight: 0.5)
        .Verdict;
}
