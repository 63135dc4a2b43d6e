using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.A1.Support;
using Autograder.Tensors;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>Solver.Train with the grader's model and SGD on a small problem: history lengths, decay, best parameters kept and restored, learning.</summary>
/// <remarks>Shuffling is random, so the values are not compared with the reference's; what must hold is.</remarks>
internal sealed class SolverTrainCheck() : A1Check("a1.solver_train", "Solver.Train: histories, decay, best parameters, learns", 3, "Homework.A1.Solver.Train")
{
    /// <summary>Update rules change the weights they are given (in place is as right as a new tensor).</summary>
    protected override bool UpdatesInputs => true;

    private const int Epochs = 4;
    private const int BatchSize = 16;
    private const int TrainSize = 60;

    public override Observation Probe(ProbeContext context)
    {
        var centres = context.Randn(3, 5) * 3.0;
        var (x, y) = Blobs.Draw(context, TrainSize, 5, 3, centres);
        var (xVal, yVal) = Blobs.Draw(context, 30, 5, 3, centres);
        var model = new ProbeModel(context.Randn(5, 3) * 0.01, Tensor.Zeros([3], DType.Float64));
        var initialAccuracy = Accuracy(model, xVal, yVal);
        var solver = new Solver(model, new TrainingData(x, y, xVal, yVal), new SolverOptions
        {
            UpdateRule = () => new ProbeSgd(0.1),
            LearningRateDecay = 0.5,
            BatchSize = BatchSize,
            Epochs = Epochs,
            TrainAccuracySamples = 20,
        });
        solver.Train();

        var restored = solver.BestParameters.All(p => model.Parameters[p.Key].AllClose(p.Value, 0, 0));
        var observation = new Observation();
        observation.Set("losses", solver.LossHistory.Count);
        observation.Set("train_accuracies", solver.TrainAccuracyHistory.Count);
        observation.Set("validation_accuracies", solver.ValidationAccuracyHistory.Count);
        observation.Set("learning_rate", solver.UpdateRules.Values.Max(r => r.LearningRate));
        observation.Set("best_is_max", solver.ValidationAccuracyHistory.Count > 0 && solver.BestValidationAccuracy == solver.ValidationAccuracyHistory.Max() ? 1 : 0);
        observation.Set("restored", restored ? 1 : 0);
        observation.Set("final_matches_best", Accuracy(model, xVal, yVal) == solver.BestValidationAccuracy ? 1 : 0);
        var repeated = model.Batches.Zip(model.Batches.Skip(1)).Any(p => p.First.Shape.SequenceEqual(p.Second.Shape) && p.First.AllClose(p.Second, 0, 0));
        observation.Set("repeated_batch", repeated ? 1 : 0);
        observation.Set("learned", Accuracy(model, xVal, yVal) > Math.Max(initialAccuracy, 0.6) ? 1 : 0);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        double S(string name) => student[name].Item();
        double E(string name) => expected[name].Item();
        return new Scorecard()
            .Property(S("losses") == E("losses"), $"LossHistory has {S("losses")} entries after {Epochs} epochs of {TrainSize} examples in batches of {BatchSize}; expected {E("losses")} (max(N / BatchSize, 1) steps per epoch).", weight: 0.5)
            .Property(S("train_accuracies") == E("train_accuracies") && S("validation_accuracies") == E("validation_accuracies"), $"the accuracy histories have {S("train_accuracies")} and {S("validation_accuracies")} entries; expected one per epoch ({E("validation_accuracies")}).", weight: 0.5)
            .Property(Math.Abs(S("learning_rate") - E("learning_rate")) < 1e-12, $"the learning rate after training is {S("learning_rate"):G6}; expected {E("learning_rate"):G6} (multiply every rule's LearningRate by LearningRateDecay once per epoch).", weight: 0.5)
            .Property(S("best_is_max") == 1, "BestValidationAccuracy is not the largest entry of ValidationAccuracyHistory.", weight: 0.5)
            .Property(S("restored") == 1 && S("final_matches_best") == 1, "after Train the model does not hold BestParameters (restore the best parameters at the end).", weight: 0.5)
            .Property(S("repeated_batch") == 0, $"two consecutive steps trained on the same minibatch: with {TrainSize} examples in batches of {BatchSize}, step k of an epoch takes examples k·BatchSize … (k+1)·BatchSize − 1 of that epoch's permutation.", weight: 0.5)
            .Property(S("learned") == 1, "the model did not learn: validation accuracy after training is no better than chance on well-separated clusters.", weight: 0.5)
            .Verdict;
    }

    private static double Accuracy(ProbeModel model, Tensor x, Tensor y) => model.Scores(x).ArgMax(1).Eq(y).To(DType.Float64).Mean().Item();
}
