using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors.Optim;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>
/// SentimentTraining.TrainEpoch on the check's own model (so a broken model costs nothing here) over two batches of different
/// sizes with plain SGD: training mode, the loss (binary cross-entropy of probabilities, weighted by batch size), gradients
/// cleared before each step, and the weights after the epoch.
/// </summary>
internal sealed class TrainEpochCheck() : A5Check("a5.train_epoch", "SentimentTraining.TrainEpoch: BCE on probabilities, one step per batch, mean loss", 1.5,
    "Homework.A5.SentimentTraining.TrainEpoch")
{
    public override Observation Probe(ProbeContext context)
    {
        var s = SentenceProbe.Public;
        var model = new ProbeClassifier(context.Randn(s.V), 0.3);
        var batches = new List<SentenceBatch>();
        foreach (var size in new[] { s.N, 2 })
        {
            var (tokens, lengths) = SentenceProbe.Batch(context, s with { N = size });
            batches.Add(new SentenceBatch(tokens, lengths, SentenceProbe.Labels(context, size)));
        }

        model.Eval();
        var loss = SentimentTraining.TrainEpoch(model, new SGD(model.Parameters(), lr: 2.0), batches);
        var observation = new Observation { ["weights"] = model.State };
        observation.Set("loss", loss);
        observation.Set("calls", model.Modes.Count);
        observation.Set("training_mode", model.Modes.Count > 0 && model.Modes.All(m => m) ? 1 : 0);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Property(student["training_mode"].Item() == 1, "The model was not in training mode: call model.Train() first (dropout must act while training).", weight: 0.5)
        .Property(student["calls"].Item() == expected["calls"].Item(), $"The model was called {student["calls"].Item():0} times for {expected["calls"].Item():0} batches: one forward pass per batch.", weight: 0.5)
        .Value("the mean loss of the epoch (binary cross-entropy of the probabilities, each batch weighted by its size)", student["loss"], expected["loss"], tolerance: 1e-5)
        .Value("the weights after the epoch (one SGD step per batch, gradients cleared before each)", student["weights"], expected["weights"], weight: 2, tolerance: 1e-5)
        .Verdict;
}
