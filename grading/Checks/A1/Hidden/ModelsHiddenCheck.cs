using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.A1.Support;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>
/// The softmax classifier and the solver on per-student sizes (hidden): the classifier's scores, loss and gradients; 2–4
/// Solver.Steps on minibatches of 1–6; CheckAccuracy on 7–40 examples in batches that do not divide them; and Train's
/// histories and decayed rate for a drawn size, batch, number of epochs and decay. A quarter each; a part that throws costs
/// only its quarter.
/// </summary>
internal sealed class ModelsHiddenCheck() : A1Check("a1.models_hidden", "SoftmaxClassifier and Solver on unseen sizes", 2, Visibility.Hidden,
    "Homework.A1.SoftmaxClassifier.Loss", "Homework.A1.SoftmaxClassifier.Scores", "Homework.A1.Solver.Step", "Homework.A1.Solver.CheckAccuracy", "Homework.A1.Solver.Train")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    /// <summary>Update rules change the weights they are given (in place is as right as a new tensor).</summary>
    protected override bool UpdatesInputs => true;

    protected override IReadOnlyList<Substitution> Substitutes => [LayersFile];

    public override Observation Probe(ProbeContext context)
    {
        var (d, classes) = (Draw(context, 2, 9), Draw(context, 2, 7));
        return CheckParts.Probe(
            isolateFailures: true,
            ("classifier_", () =>
            {
                var c = CheckParts.Own(context, 0);
                var n = Draw(c, 2, 9);
                var model = new SoftmaxClassifier(d, classes, 1e-2, 0.05 + (0.5 * c.Generator.NextDouble()), c.Generator);
                (model.Parameters["W"], model.Parameters["b"]) = (c.Randn(d, classes), c.Randn(classes));
                var (x, y) = (c.Randn(n, d), c.Randint(0, classes, n));
                var scores = model.Scores(x);
                var (loss, gradients) = model.Loss(x, y);
                var observation = new Observation { ["scores"] = scores, ["dW"] = gradients["W"], ["db"] = gradients["b"] };
                observation.Set("loss", loss);
                return observation;
            }),
            ("step_", () =>
            {
                var c = CheckParts.Own(context, 1);
                var (steps, batch) = (Draw(c, 2, 4), Draw(c, 1, 6));
                var model = new ProbeModel(c.Randn(d, classes) * 0.1, c.Randn(classes) * 0.1);
                var (x, y) = (c.Randn(steps * batch, d), c.Randint(0, classes, steps * batch));
                var solver = new Solver(model, new TrainingData(x, y, x, y), new SolverOptions { UpdateRule = () => new ProbeSgd(0.5) });
                for (var step = 0; step < steps; step++)
                {
                    solver.Step(x.Narrow(0, batch * step, batch), y.Narrow(0, batch * step, batch));
                }

                return new Observation { ["W"] = model.Parameters["W"], ["b"] = model.Parameters["b"], ["losses"] = History(solver.LossHistory) };
            }),
            ("accuracy_", () =>
            {
                var c = CheckParts.Own(context, 2);
                var batch = Draw(c, 2, 9);
                var n = (batch * Draw(c, 1, 4)) + Draw(c, 1, batch - 1);
                var samples = n + Draw(c, 0, 5);
                var (x, y) = (c.Randn(n, d), c.Randint(0, classes, n));
                var solver = new Solver(new ProbeModel(c.Randn(d, classes), c.Randn(classes)), new TrainingData(x, y, x, y), new SolverOptions());
                return new Observation
                {
                    ["accuracy"] = Tensor.FromArray(new[] { solver.CheckAccuracy(x, y, batchSize: batch), solver.CheckAccuracy(x, y, samples: samples, batchSize: batch) }, 2),
                };
            }),
            ("train_", () =>
            {
                var c = CheckParts.Own(context, 3);
                var (n, batch, epochs, decay) = (Draw(c, 20, 70), Draw(c, 3, 17), Draw(c, 2, 5), Draw(c, 3, 9) / 10.0);
                var centres = c.Randn(classes, d) * 3.0;
                var (x, y) = Blobs.Draw(c, n, d, classes, centres);
                var (xVal, yVal) = Blobs.Draw(c, 15, d, classes, centres);
                var model = new ProbeModel(c.Randn(d, classes) * 0.01, Tensor.Zeros([classes], DType.Float64));
                var solver = new Solver(model, new TrainingData(x, y, xVal, yVal), new SolverOptions
                {
                    UpdateRule = () => new ProbeSgd(0.1), LearningRateDecay = decay, BatchSize = batch, Epochs = epochs, TrainAccuracySamples = 10,
                });
                solver.Train();
                var repeated = model.Batches.Zip(model.Batches.Skip(1)).Any(p => p.First.Shape.SequenceEqual(p.Second.Shape) && p.First.AllClose(p.Second, 0, 0));
                return new Observation
                {
                    ["sizes"] = Tensor.FromArray(new double[] { n, batch, epochs, decay }, 4),
                    ["history_lengths"] = Tensor.FromArray(new double[] { solver.LossHistory.Count, solver.TrainAccuracyHistory.Count, solver.ValidationAccuracyHistory.Count }, 3),
                    ["learning_rate"] = Tensor.FromArray(new[] { solver.UpdateRules.Values.Max(r => r.LearningRate) }, 1),
                    ["repeated_batch"] = Tensor.FromArray(new double[] { repeated ? 1 : 0 }, 1),
                };
            }));
    }

    public override Verdict Judge(Observation student, Observation expected) => CheckParts.ScoreEqually(student, expected,
    [
        ("classifier_", "SoftmaxClassifier", "SoftmaxClassifier.Loss", CheckParts.ValuesAndGradients),
        ("step_", "Solver.Step", "Solver.Step", CheckParts.ValuesAndGradients),
        ("accuracy_", "Solver.CheckAccuracy", "Solver.CheckAccuracy", (s, e) => new Scorecard()
            .Value("accuracy on every example, and with samples ≥ N", s["accuracy"], e["accuracy"], member: "Solver.CheckAccuracy").Verdict),
        ("train_", "Solver.Train", "Solver.Train", Train),
    ]);

    private static Verdict Train(Observation student, Observation expected)
    {
        var sizes = expected["sizes"].ToArray<double>();
        var (lengths, wanted) = (student["history_lengths"].ToArray<double>(), expected["history_lengths"].ToArray<double>());
        var (rate, wantedRate) = (student["learning_rate"].Item(), expected["learning_rate"].Item());
        var setting = $"{sizes[2]} epochs of {sizes[0]} examples in batches of {sizes[1]}";
        return new Scorecard()
            .Property(lengths.SequenceEqual(wanted), $"after {setting}, the loss, training and validation accuracy histories have {string.Join(", ", lengths)} entries; expected {string.Join(", ", wanted)} (max(N / BatchSize, 1) steps per epoch, one accuracy each per epoch).", member: "Solver.Train")
            .Property(Math.Abs(rate - wantedRate) < 1e-12, $"after {setting} with LearningRateDecay {sizes[3]}, the learning rate is {rate:G6}; expected {wantedRate:G6}.", member: "Solver.Train")
            .Property(student["repeated_batch"].Item() == 0, $"two consecutive steps trained on the same minibatch ({setting}).", member: "Solver.Train")
            .Verdict;
    }

    private static int Draw(ProbeContext context, int low, int high) => (int)context.Generator.NextInt64(low, high + 1);

    private static Tensor History(IList<double> values) => Tensor.FromArray(values.ToArray(), values.Count);
}
