using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A4;

namespace Autograder.Host.Checks.A4;

/// <summary>TransferLearning.VisualizeModel on a model with dropout: the evaluation-mode predictions of the first images, and the caller's mode restored (training or evaluation).</summary>
internal sealed class VisualizeModelCheck() : A4Check("a4.visualize_model", "TransferLearning.VisualizeModel: predictions in evaluation mode, the mode restored", 0.5, "Homework.A4.TransferLearning.VisualizeModel")
{
    public const string Restored = "The model's mode must be what it was before (training stays training, evaluation stays evaluation).";

    public override Observation Probe(ProbeContext context)
    {
        var model = new Sequential(new Flatten(), new Linear(3 * 4 * 4, 6, generator: new Generator(3), dtype: DType.Float64), new Dropout(0.5, new Generator(4)));
        var images = context.Randn(10, 3, 4, 4);
        var observation = new Observation();
        model.Train();
        observation["predictions"] = Tensor.FromArray(TransferLearning.VisualizeModel(model, images, 6), 6);
        var trainingKept = model.Training;
        model.Eval();
        _ = TransferLearning.VisualizeModel(model, images, 6);
        observation.Set("restored", trainingKept && !model.Training ? 1 : 0);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (predictions, wanted) = (student["predictions"], expected["predictions"]);
        var card = new Scorecard().Property(student["restored"].Item() == 1, Restored);
        return (predictions.Shape.SequenceEqual(wanted.Shape)
            ? card.Property(predictions.AllClose(wanted, 0, 0), "The predictions differ from the evaluation-mode predictions (dropout off: call model.Eval() first).", weight: 2)
            : card.Property(false, $"Expected {wanted.Shape[0]} predictions, one per image asked for; got {predictions.NumEl}.", weight: 2)).Verdict;
    }
}
