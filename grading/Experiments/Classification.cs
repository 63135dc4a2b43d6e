using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;

namespace Autograder.Host.Experiments;

/// <summary>What the classification experiments share: batched predictions in the worker, accuracy and banded points in the host.</summary>
internal static class Classification
{
    /// <summary>The arg-max class of each row of <paramref name="x"/>, computed in batches of <paramref name="batch"/> without a graph.</summary>
    public static Tensor Predict(Func<Tensor, Tensor> scores, Tensor x, int batch = 1000)
    {
        using var noGrad = Tensor.NoGrad();
        var predictions = new List<Tensor>();
        for (var start = 0; start < x.Shape[0]; start += batch)
        {
            predictions.Add(scores(x.Narrow(0, start, Math.Min(batch, x.Shape[0] - start))).ArgMax(1));
        }

        return Tensor.Cat(predictions, 0);
    }

    /// <summary>
    /// The held-out truth of an image-classification experiment: the test labels, whether the full set was used (it sets the
    /// band), and the test images (for the report's galleries of predictions; they stay in the host).
    /// </summary>
    public static Observation HeldOutLabels(IReadOnlyDictionary<string, string> settings, DataRequirement data)
    {
        var (folder, _, isFull) = ExperimentData.Locate(settings, data);
        var observation = new Observation
        {
            ["labels"] = Autograder.Data.Datasets.Mnist.LoadLabels(folder, train: false),
            ["images"] = Autograder.Data.Datasets.Mnist.LoadImages(folder, train: false),
        };
        observation.Set("full", isFull ? 1 : 0);
        return observation;
    }

    /// <summary>The fraction of predictions equal to the labels.</summary>
    public static double Accuracy(Tensor predictions, Tensor labels) => predictions.Eq(labels).To(DType.Float64).Mean().Item();

    /// <summary>
    /// Scores test predictions against the held-out labels: full points at <paramref name="target"/>, none at <paramref name="floor"/>,
    /// linear between; the message (empty at full points) says the accuracy, what was chosen, and the band.
    /// </summary>
    public static Verdict Judge(Tensor predictions, Tensor labels, double floor, double target, string chosen)
    {
        if (!predictions.Shape.SequenceEqual(labels.Shape))
        {
            return Verdict.Fail($"expected one prediction per test image ({labels.Shape[0]}); got shape ({string.Join(", ", predictions.Shape.ToArray())}).");
        }

        var accuracy = Accuracy(predictions, labels);
        var points = Experiment.Band(accuracy, floor, target);
        var text = $"test accuracy {100 * accuracy:0.00} %{chosen} (full marks at {100 * target:0} %, none at {100 * floor:0} % or below).";
        return new Verdict(points, points >= 1 ? "" : text);
    }
}
