using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.A2.Support;
using Autograder.Tensors.Optim;
using Homework.A2;

namespace Autograder.Host.Checks.A2;

/// <summary>
/// The training loop and the evaluation on the grader's own small classifier: one epoch of three batches with SGD (momentum 0.9)
/// must give the reference's mean loss and updated weights (training mode on, so dropout is active); the accuracy must be
/// measured in evaluation mode (dropout off).
/// </summary>
internal sealed class FashionTrainingCheck() : A2Check("a2.fashion_training", "FashionTraining: TrainEpoch and Accuracy", 4,
    "Homework.A2.FashionTraining.TrainEpoch", "Homework.A2.FashionTraining.Accuracy")
{
    public override Observation Probe(ProbeContext context)
    {
        var model = new ProbeClassifier(6, 8, 4, context.Seed);
        model.Eval(); // TrainEpoch must switch training mode on itself
        var batches = Enumerable.Range(0, 3).Select(i => (context.Randn(5 - i, 6), context.Randint(0, 4, 5 - i))).ToList();
        var loss = FashionTraining.TrainEpoch(model, new SGD(model.Parameters(), lr: 0.1, momentum: 0.9), batches);
        var observation = new Observation();
        observation.Set("loss", loss);
        foreach (var (name, parameter) in model.NamedParameters())
        {
            observation[name] = parameter.Detach();
        }

        model.Train(); // Accuracy must switch evaluation mode on itself
        var evaluation = Enumerable.Range(0, 2).Select(_ => (context.Randn(40, 6), context.Randint(0, 4, 40))).ToList();
        observation.Set("accuracy", FashionTraining.Accuracy(model, evaluation));
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard().Value("TrainEpoch's mean loss (each batch's mean loss weighted by its size; training mode)", student["loss"], expected["loss"]);
        foreach (var name in expected.Names.Where(n => n.Contains('.', StringComparison.Ordinal)))
        {
            card.Value($"{name} after one epoch of SGD steps", student[name], expected[name], weight: 0.5);
        }

        return card
            .Value("Accuracy (evaluation mode: dropout off)", student["accuracy"], expected["accuracy"], weight: 1.5)
            .Verdict;
    }
}
