using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A4;

/// <summary>TransferLearning.TrainModel on a small network with batch norm: the per-epoch measurements, the best epoch's weights restored, validation in evaluation mode.</summary>
internal sealed class TrainModelCheck() : A4Check("a4.train_model", "TransferLearning.TrainModel: train and validate per epoch, keep the best epoch's weights", 2, "Homework.A4.TransferLearning.TrainModel")
{
    public const string LastNotBest = "The model returned holds the last epoch's weights, not the best epoch's: keep model.StateDict() when the validation accuracy improves and load it at the end.";
    public const string ValidationMode = "The training measurements match but validation does not: validate in evaluation mode (model.Eval()) under Tensor.NoGrad(), so that batch norm uses (and does not move) its running statistics.";

    protected override TimeSpan TimeLimit => TimeSpan.FromSeconds(30);

    public override Observation Probe(ProbeContext context) => TransferProbe.Loop();

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (history, wanted) = (student["history"], expected["history"]);
        if (!history.Shape.SequenceEqual(wanted.Shape))
        {
            return Verdict.Fail($"Expected {wanted.Shape[0]} epochs of (train loss, train accuracy, validation loss, validation accuracy); got a history of shape ({string.Join(", ", history.Shape.ToArray())}).");
        }

        var card = new Scorecard();
        var (train, wantedTrain) = (history.Narrow(1, 0, 2), wanted.Narrow(1, 0, 2));
        var (validation, wantedValidation) = (history.Narrow(1, 2, 2), wanted.Narrow(1, 2, 2));
        card.Value("the training loss and accuracy of each epoch", train, wantedTrain, weight: 2, tolerance: 1e-9);
        if (train.AllClose(wantedTrain, 1e-9) && !validation.AllClose(wantedValidation, 1e-9))
        {
            card.Property(false, ValidationMode, weight: 2);
        }
        else
        {
            card.Value("the validation loss and accuracy of each epoch", validation, wantedValidation, weight: 2, tolerance: 1e-9);
        }

        var best = history.Select(1, 3).Max().Item();
        card.Property(Math.Abs(student["final_val_accuracy"].Item() - best) < 1e-12, LastNotBest, weight: 2);
        foreach (var name in expected.Names.Where(n => n.StartsWith("state.", StringComparison.Ordinal)))
        {
            if (!student.Contains(name))
            {
                return card.Property(false, $"The model lost its {name[6..]}.").Verdict;
            }
        }

        var weights = expected.Names.Where(n => n.StartsWith("state.", StringComparison.Ordinal)).ToList();
        card.Value("the weights at the end (the best epoch's)", Tensor.Cat([.. weights.Select(n => student[n].Reshape(-1))]), Tensor.Cat([.. weights.Select(n => expected[n].Reshape(-1))]), tolerance: 1e-9);
        return card.Verdict;
    }
}
