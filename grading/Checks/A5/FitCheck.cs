using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Autograder.Tensors.Optim;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>
/// TrainingLoop.Fit on the check's own model for three epochs, with development sentences whose labels are the training
/// labels flipped (so the development accuracy falls as the model learns and the best epoch is not the last): the history,
/// the chosen epoch, the kept weights (the best epoch's), and that development sentences never reach a training step; and
/// a single epoch, which must be chosen.
/// </summary>
internal sealed class FitCheck() : A5Check("a5.fit", "TrainingLoop.Fit: epochs, development accuracy, best weights kept", 1.5,
    "Homework.A5.TrainingLoop.Fit")
{
    private const int Epochs = 3;

    protected override IReadOnlyList<Substitution> Substitutes => [TrainingFile];

    public override Observation Probe(ProbeContext context)
    {
        var s = SentenceProbe.Public with { N = 6 };
        var model = new ProbeClassifier(context.Randn(s.V) * 0.1, 0);
        var (tokens, lengths) = SentenceProbe.Batch(context, s);
        var labels = SentenceProbe.Labels(context, s.N);
        var train = new SentenceBatch(tokens, lengths, labels);
        var dev = new SentenceBatch(tokens.Narrow(0, 0, 5), lengths.Narrow(0, 0, 5), 1.0 - labels.Narrow(0, 0, 5));
        var calls = 0;
        var history = TrainingLoop.Fit(model, new SGD(model.Parameters(), lr: 3.0), () =>
        {
            calls++;
            return [train];
        }, [dev], Epochs);
        var observation = new Observation
        {
            ["weights"] = model.State,
            ["training_loss"] = Tensor.FromArray(history.TrainingLoss.ToArray(), history.TrainingLoss.Count),
            ["dev_accuracy"] = Tensor.FromArray(history.DevAccuracy.ToArray(), history.DevAccuracy.Count),
        };
        observation.Set("best_epoch", history.BestEpoch);
        observation.Set("epochs_asked", calls);
        observation.Set("dev_trained", model.Modes.Zip(model.Sentences).Any(p => p.First && p.Second == 5) ? 1 : 0);

        // A single epoch is a valid request: its epoch is the best (a loop that starts from "epoch 1 is best" reads past the end).
        var single = new ProbeClassifier(context.Randn(s.V) * 0.1, 0);
        double chosen;
        try
        {
            chosen = TrainingLoop.Fit(single, new SGD(single.Parameters(), lr: 3.0), () => [train], [dev], 1).BestEpoch;
        }
        catch (Exception e) when (e is not NotImplementedException and not OutOfMemoryException)
        {
            chosen = -1;
        }

        observation.Set("one_epoch_best", chosen);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Property(student["epochs_asked"].Item() == Epochs, $"trainBatches() was called {student["epochs_asked"].Item():0} times for {Epochs} epochs: once per epoch.", weight: 0.5)
        .Property(student["dev_trained"].Item() == 0, "The development sentences went through the model in training mode: they choose the epoch and must never be trained on.")
        .Value("the training loss of each epoch", student["training_loss"], expected["training_loss"], weight: 0.5, tolerance: 1e-5)
        .Value("the development accuracy after each epoch", student["dev_accuracy"], expected["dev_accuracy"], weight: 0.5, tolerance: 1e-9)
        .Property(student["best_epoch"].Item() == expected["best_epoch"].Item(), $"BestEpoch is {student["best_epoch"].Item():0}; the highest development accuracy was first reached at epoch {expected["best_epoch"].Item():0} (from 0).", weight: 0.5)
        .Value("the weights the model ends with (the best epoch's, not the last's)", student["weights"], expected["weights"], weight: 2, tolerance: 1e-5)
        .Property(student["one_epoch_best"].Item() == 0, student["one_epoch_best"].Item() < 0 ? "Fit(…, epochs: 1) threw: one epoch is a valid request, and its epoch (0) is the best." : $"Fit(…, epochs: 1) chose epoch {student["one_epoch_best"].Item():0}; the only epoch, 0, is the best.", weight: 0.25)
        .Verdict;
}
