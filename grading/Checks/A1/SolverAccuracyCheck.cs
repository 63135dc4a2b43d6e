using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.A1.Support;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>
/// Solver.CheckAccuracy on all examples, with a batch size that does not divide N (the last partial batch counts), and on a
/// subsample: which examples are drawn is the student's choice, but an accuracy over 10 examples is a multiple of 1/10.
/// </summary>
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
        observation.Set("ten_samples", solver.CheckAccuracy(x, y, samples: 10, batchSize: 4));
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var subsampled = student["ten_samples"].Item();
        var correct = subsampled * 10;
        return new Scorecard()
            .Value("accuracy (23 examples, batches of 5)", student["all"], expected["all"])
            .Value("accuracy (samples ≥ N means all)", student["more_samples_than_n"], expected["more_samples_than_n"])
            .Property(
                subsampled is >= 0 and <= 1 && Math.Abs(correct - Math.Round(correct)) < 1e-9,
                $"CheckAccuracy(x, y, samples: 10) on 23 examples returned {subsampled:G6}, which is not k / 10: score exactly 10 examples drawn at random (Tensor.Randperm(Generator, N), the first 10), not all of them.",
                weight: 0.5)
            .Verdict;
    }
}
