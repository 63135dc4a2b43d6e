using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.A1.Support;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>Solver.CheckAccuracy on all examples, with a batch size that does not divide N (the last partial batch counts).</summary>
internal sealed class SolverAccuracyCheck() : A1Check("a1.solver_accuracy", "Solver.CheckAccuracy: every example, partial last batch", 1, "Homework.A1.Solver.CheckAccuracy")
{
    public override Observation Probe(ProbeContext context)
    {
        var model = new ProbeModel(context.Randn(4, 3), context.Randn(3));
        var (x, y) = (context.Randn(23, 4), context.Randint(0, 3, 23));
        var solver = new Solver(model, new TrainingData(x, y, x, y), new SolverOptions());
        var observation = new Observation();
        observation.Set("all", solver.CheckAccuracy(x, y, batchSize: 5));
        observation.Set("more_samples_than_n", solver.CheckAccuracy(x, y, samples: 50, batchSize: 100));
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Value("accuracy (23 examples, batches of 5)", student["all"], expected["all"])
        .Value("accuracy (samples ≥ N means all)", student["more_samples_than_n"], expected["more_samples_than_n"])
        .Verdict;
}
