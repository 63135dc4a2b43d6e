using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>
/// SentimentTraining.Predict on the check's own model over two batches, with some sentences at a probability of exactly 0.5
/// (every word's weight and the bias zero): labels 0/1 in order, 1 at the threshold, evaluation mode during the calls and the
/// model's mode restored, no graph built; no batches give no labels (shape (0)).
/// </summary>
internal sealed class PredictCheck() : A5Check("a5.predict", "SentimentTraining.Predict: threshold 0.5, order, evaluation mode", 1,
    "Homework.A5.SentimentTraining.Predict")
{
    public override Observation Probe(ProbeContext context)
    {
        var s = SentenceProbe.Public;
        // Copies of the drawn tensors are edited, so that a drawn tensor that changes is the student's doing (an in-place input).
        var weights = context.Randn(s.V).Clone();
        weights[2] = Tensor.Scalar(0.0, DType.Float64);
        var model = new ProbeClassifier(weights, 0);
        var batches = new List<SentenceBatch>();
        foreach (var size in new[] { s.N, 3 })
        {
            var (drawn, lengths) = SentenceProbe.Batch(context, s with { N = size });
            var tokens = drawn.Clone();
            tokens[size - 1, 0] = Tensor.Scalar(2L, DType.Int64); // a one-word sentence whose word weighs 0: probability exactly 0.5
            batches.Add(new SentenceBatch(tokens, lengths));
        }

        model.Train();
        var predictions = SentimentTraining.Predict(model, batches);
        var observation = new Observation { ["predictions"] = predictions.Detach().To(DType.Float64) };
        observation.Set("int64", predictions.DType == DType.Int64 ? 1 : 0);
        observation.Set("no_graph", predictions.RequiresGrad ? 0 : 1);
        observation.Set("eval_mode", model.Modes.Count > 0 && model.Modes.All(m => !m) ? 1 : 0);
        observation.Set("mode_restored", model.Training ? 1 : 0);
        observation.Set("empty", Empty(model) ? 1 : 0);
        return observation;
    }

    /// <summary>Whether Predict with no batches returns no labels; one that throws there loses only this item.</summary>
    private static bool Empty(ProbeClassifier model)
    {
        try
        {
            var none = SentimentTraining.Predict(model, []);
            return none.Dim == 1 && none.Shape[0] == 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not NotImplementedException)
        {
            return false;
        }
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (actual, wanted) = (student["predictions"], expected["predictions"]);
        var card = new Scorecard();
        if (!actual.Shape.SequenceEqual(wanted.Shape))
        {
            card.Property(false, $"Expected one label per sentence of all batches, in order ({wanted.Shape[0]}); got shape ({string.Join(", ", actual.Shape.ToArray())}).", weight: 2);
        }
        else
        {
            var atThreshold = new[] { SentenceProbe.Public.N - 1, SentenceProbe.Public.N + 2 };
            card.Property(atThreshold.All(i => actual[i].Item() == 1), "A sentence whose probability is exactly 0.5 must be predicted 1 (at least the threshold).", weight: 0.5)
                .Value("the predicted labels", actual, wanted, weight: 1.5);
        }

        return card
            .Property(student["int64"].Item() == 1, "The predictions must be int64 labels (Ge(Threshold).Long()), not probabilities or booleans.", weight: 0.25)
            .Property(student["eval_mode"].Item() == 1, "The model was in training mode while predicting: call model.Eval() (dropout must not act).", weight: 0.5)
            .Property(student["mode_restored"].Item() == 1, "The model was left in evaluation mode: return it to the mode it was in (model.Train(training)).", weight: 0.25)
            .Property(student["no_graph"].Item() == 1, "The predictions carry a graph: predict inside a Tensor.NoGrad() scope.", weight: 0.25)
            .Property(student["empty"].Item() == 1, "Predict with no batches must return an empty tensor of labels (shape (0)), not a scalar or an exception.", weight: 0.25)
            .Verdict;
    }
}
